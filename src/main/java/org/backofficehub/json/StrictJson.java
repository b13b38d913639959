package org.backofficehub.json;

import com.fasterxml.jackson.core.ErrorReportConfiguration;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import org.backofficehub.model.InputRejectedException;
import org.backofficehub.model.ProblemType;

/**
 * One JSON document exactly as sent: strict UTF-8 (RFC 8259 8.1), a single value and nothing after
 * it, no key twice in an object. Jackson alone decodes leniently (an overlong C0 AF or a CESU-8
 * surrogate pair becomes some character, and names arrive mangled), reads the first value and
 * ignores what follows, and keeps the last of two equal keys while another reader may keep the
 * first. So the bytes are decoded here with a decoder that reports, not replaces, and the refusal
 * names the byte offset. Quoted input in Jackson's messages is capped: a refusal never carries
 * much of what was sent. Thread-safe: one instance serves every request.
 */
public final class StrictJson {

    private static final int QUOTED_TOKEN_LIMIT = 24;

    private final JsonMapper mapper;

    public StrictJson() {
        this(false);
    }

    private StrictJson(boolean decimalsAsWritten) {
        JsonFactory factory = JsonFactory.builder()
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .errorReportConfiguration(ErrorReportConfiguration.builder()
                        .maxErrorTokenLength(QUOTED_TOKEN_LIMIT).maxRawContentLength(0).build())
                .build();
        // Prices stay the decimals that were sent; FAIL_ON_TRAILING_TOKENS's job is done in read(), which can say where.
        mapper = JsonMapper.builder(factory).enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                .nodeFactory(JsonNodeFactory.withExactBigDecimals(decimalsAsWritten)).build();
    }

    /**
     * A reader whose tree keeps each decimal as it was written (6.50 stays 6.50, 0E-999999999 is
     * not made 0), for checks of what later readers of the same bytes will see; Jackson's default
     * tree normalises them.
     */
    public static StrictJson keepingDecimalsAsWritten() {
        return new StrictJson(true);
    }

    /**
     * The document in {@code bytes}, refused as {@code problem} when it is not exact JSON.
     * {@code what} names it in the refusal ("The body", "The document").
     */
    public JsonNode read(byte[] bytes, ProblemType problem, String what) {
        String text = decode(bytes, problem, what);
        if (text.isBlank()) {
            throw new InputRejectedException(problem, what + " is empty; expected a JSON document");
        }
        try (JsonParser parser = mapper.createParser(text)) {
            JsonNode document = mapper.readTree(parser);
            afterTheDocument(parser, problem, what);
            return document;
        } catch (JsonProcessingException e) {
            throw new InputRejectedException(problem, what + " is not valid JSON" + where(e.getLocation()) + ": "
                    + withoutSourceNoise(e.getOriginalMessage()), List.of(), e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Nothing but whitespace may follow the document: another value, or anything at all, is refused saying where. */
    private static void afterTheDocument(JsonParser parser, ProblemType problem, String what) throws IOException {
        JsonLocation end = parser.currentLocation();
        boolean more;
        try {
            more = parser.nextToken() != null;
        } catch (JsonProcessingException e) {
            more = true;
        }
        if (more) {
            throw new InputRejectedException(problem, what + " has data after the JSON document (from line " + end.getLineNr()
                    + ", column " + end.getColumnNr() + "); send exactly one JSON value");
        }
    }

    private static String decode(byte[] bytes, ProblemType problem, String what) {
        int start = hasBom(bytes) ? 3 : 0; // a byte order mark is tolerated (RFC 8259 8.1), not read as text
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes, start, bytes.length - start);
        CharBuffer out = CharBuffer.allocate(bytes.length - start);
        CoderResult result = decoder.decode(in, out, true);
        if (!result.isError()) {
            result = decoder.flush(out);
        }
        if (result.isError()) {
            int offset = in.position();
            throw new InputRejectedException(problem, what + " is not valid UTF-8: at byte " + offset + " (0x"
                    + String.format(Locale.ROOT, "%02X", bytes[offset] & 0xFF) + ") no well-formed UTF-8 sequence starts"
                    + " (overlong forms, surrogates and other encodings such as Latin-1 are refused)");
        }
        return out.flip().toString();
    }

    /** Jackson names the (redacted) input source inside its messages; the sender knows what they sent. */
    private static String withoutSourceNoise(String message) {
        return message.replaceAll("\\[Source: [^;]*; ", "[");
    }

    private static boolean hasBom(byte[] bytes) {
        return bytes.length >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB && (bytes[2] & 0xFF) == 0xBF;
    }

    private static String where(JsonLocation location) {
        return location == null ? "" : " at line " + location.getLineNr() + ", column " + location.getColumnNr();
    }
}
