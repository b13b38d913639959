package org.backofficehub.accounting;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/** The periodic journal file accounting imports: one CSV row per posting, in posting order. */
public final class JournalCsv {

    public static final String[] HEADER = {"journal", "posting_date", "invoice", "account", "debit", "credit", "currency", "text"};

    private JournalCsv() {
    }

    public static byte[] write(long journalNumber, List<LedgerPosting> postings) {
        StringWriter out = new StringWriter(postings.size() * 80 + 100);
        try (CSVPrinter printer = CSVFormat.RFC4180.builder().setHeader(HEADER).get().print(out)) {
            for (LedgerPosting posting : postings) {
                printer.printRecord(journalNumber, posting.postedOn(), posting.invoiceNumber(), posting.account(),
                        posting.debit().toPlainString(), posting.credit().toPlainString(), posting.currency(), posting.text());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }
}
