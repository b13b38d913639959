package org.backofficehub.edi.writing;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.function.Consumer;
import org.backofficehub.edi.EdiStandard;
import org.backofficehub.edi.partners.PartnerProfile;
import org.backofficehub.store.DataDirectory;

/**
 * The partners' outbox folders under {@code <data-dir>/outbox/}. A document appears under its
 * final name only when complete (written as .part, then renamed), so a partner's pick-up or an
 * FTP push never takes half a file.
 */
public final class Outbox {

    private final DataDirectory dataDirectory;
    private final SentDocuments sentDocuments;

    public Outbox(DataDirectory dataDirectory) {
        this(dataDirectory, SentDocuments.NONE);
    }

    /** @param sentDocuments told of each document as it is published (tracking) */
    public Outbox(DataDirectory dataDirectory, SentDocuments sentDocuments) {
        this.dataDirectory = dataDirectory;
        this.sentDocuments = sentDocuments;
    }

    /** A document was published: whoever tracks documents hears of it. */
    void published(SentDocument sent) {
        sentDocuments.published(sent);
    }

    /** Publishes bytes written before (a document sent again under new control numbers) at once, as a whole. */
    Path writeBytes(PartnerProfile partner, String documentType, String controlNumber, byte[] content) {
        Path folder = folder(partner);
        Path target = folder.resolve(fileName(partner, documentType, controlNumber));
        Path partial = target.resolveSibling(target.getFileName() + ".part");
        try {
            Files.createDirectories(folder);
            Files.write(partial, content);
            return Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            try {
                Files.deleteIfExists(partial);
            } catch (IOException ignored) {
                // the first failure is the one to report
            }
            throw new UncheckedIOException("Cannot write " + target, e);
        }
    }

    private static String fileName(PartnerProfile partner, String documentType, String controlNumber) {
        return (documentType + "-" + partner.partnerId() + "-" + controlNumber).replaceAll("[^A-Za-z0-9._-]", "_") + ".edi";
    }

    public Path folder(PartnerProfile partner) {
        return dataDirectory.outbox(partner.outbox());
    }

    /** Writes a whole document at once. */
    public Path write(PartnerProfile partner, String documentType, String controlNumber, EdiStandard standard,
                      String syntaxVersion, Consumer<SegmentWriter> content) {
        try (OutboxFile file = open(partner, documentType, controlNumber, standard, syntaxVersion)) {
            content.accept(file.writer());
            return file.commit();
        }
    }

    /** Opens a document to be written piece by piece; it appears only on {@link OutboxFile#commit()}. */
    public OutboxFile open(PartnerProfile partner, String documentType, String controlNumber, EdiStandard standard,
                           String syntaxVersion) {
        Path folder = folder(partner);
        String name = fileName(partner, documentType, controlNumber);
        try {
            Files.createDirectories(folder);
            return new OutboxFile(folder.resolve(name), standard, syntaxVersion, partner.writing());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create " + folder, e);
        }
    }

    /** One outbound document being written. Closing it uncommitted removes the partial file. */
    public static final class OutboxFile implements AutoCloseable {
        private final Path target;
        private final Path partial;
        private final OutputStream out;
        private final SegmentWriter writer;
        private boolean done;

        OutboxFile(Path target, EdiStandard standard, String syntaxVersion, Charset charset) throws IOException {
            this.target = target;
            this.partial = target.resolveSibling(target.getFileName() + ".part");
            this.out = new BufferedOutputStream(Files.newOutputStream(partial));
            this.writer = new SegmentWriter(out, standard, syntaxVersion, charset);
        }

        public SegmentWriter writer() {
            return writer;
        }

        public Path commit() {
            try {
                writer.close();
                out.close();
                done = true;
                return Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot write " + target, e);
            }
        }

        @Override
        public void close() {
            if (done) {
                return;
            }
            try {
                out.close();
                Files.deleteIfExists(partial);
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot remove " + partial, e);
            }
        }
    }
}
