package org.backofficehub.erp;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * One SQL statement of an ERP profile, written with named parameters ({@code :sku}) and parsed
 * once, at start-up, into the text around them and the parameter names in order. A colon inside
 * a {@code '...'} literal, a {@code "..."} identifier or a comment is text, and so is PostgreSQL's
 * {@code ::} cast; a bare {@code ?} is refused, so every value the hub binds has a name a reader
 * can look up in the mapping reference.
 */
public final class NamedSql {

    private final String key;
    private final String source;
    /** One more piece than there are parameters: text, parameter, text, ..., text. */
    private final List<String> pieces;
    private final List<String> parameters;

    private NamedSql(String key, String source, List<String> pieces, List<String> parameters) {
        this.key = key;
        this.source = source;
        this.pieces = List.copyOf(pieces);
        this.parameters = List.copyOf(parameters);
    }

    /** @param key the statement's key in the profile, for messages */
    public static NamedSql parse(String key, String sql) {
        List<String> pieces = new ArrayList<>();
        List<String> parameters = new ArrayList<>();
        StringBuilder text = new StringBuilder();
        int i = 0;
        int length = sql.length();
        while (i < length) {
            char c = sql.charAt(i);
            if (c == '\'' || c == '"') {
                int end = sql.indexOf(c, i + 1);
                if (end < 0) {
                    throw new IllegalArgumentException("statement " + key + " has an unclosed " + c + " at character " + (i + 1));
                }
                // A doubled quote inside a literal ('it''s') closes and reopens it: the same text either way.
                text.append(sql, i, end + 1);
                i = end + 1;
            } else if (c == '-' && i + 1 < length && sql.charAt(i + 1) == '-') {
                int end = sql.indexOf('\n', i);
                end = end < 0 ? length : end;
                text.append(sql, i, end);
                i = end;
            } else if (c == '/' && i + 1 < length && sql.charAt(i + 1) == '*') {
                int end = sql.indexOf("*/", i + 2);
                if (end < 0) {
                    throw new IllegalArgumentException("statement " + key + " has an unclosed comment at character " + (i + 1));
                }
                text.append(sql, i, end + 2);
                i = end + 2;
            } else if (c == ':' && i + 1 < length && sql.charAt(i + 1) == ':') {
                text.append("::");
                i += 2;
            } else if (c == ':' && i + 1 < length && Character.isJavaIdentifierStart(sql.charAt(i + 1)) && sql.charAt(i + 1) != '$') {
                int end = i + 1;
                while (end < length && Character.isJavaIdentifierPart(sql.charAt(end)) && sql.charAt(end) != '$') {
                    end++;
                }
                pieces.add(text.toString());
                text.setLength(0);
                parameters.add(sql.substring(i + 1, end));
                i = end;
            } else if (c == '?') {
                throw new IllegalArgumentException("statement " + key + " has a '?' at character " + (i + 1)
                        + "; name each value instead (:sku, :quantity ...)");
            } else {
                text.append(c);
                i++;
            }
        }
        pieces.add(text.toString());
        return new NamedSql(key, sql, pieces, parameters);
    }

    public String key() {
        return key;
    }

    /** The parameter names in the order they occur, a name as often as it occurs. */
    public List<String> parameters() {
        return parameters;
    }

    public Set<String> parameterNames() {
        return Collections.unmodifiableSet(new LinkedHashSet<>(parameters));
    }

    public boolean uses(String parameter) {
        return parameters.contains(parameter);
    }

    /** For JDBC: a {@code ?} for each parameter. */
    public String jdbc() {
        return render(name -> "?");
    }

    /** For a camel-sql endpoint, which names a value of the row or message as {@code :#name}. */
    public String camelSql() {
        return render(name -> ":#" + name);
    }

    /** The statement with each parameter written as {@code placeholder} says (a list parameter becomes several). */
    public String render(Function<String, String> placeholder) {
        StringBuilder sql = new StringBuilder(source.length() + 16);
        for (int i = 0; i < parameters.size(); i++) {
            sql.append(pieces.get(i)).append(placeholder.apply(parameters.get(i)));
        }
        return sql.append(pieces.get(parameters.size())).toString();
    }

    @Override
    public String toString() {
        return key + ": " + source;
    }
}
