package org.backofficehub.edi.intake;

import java.nio.charset.Charset;
import java.nio.file.Path;
import org.backofficehub.edi.Envelope;
import org.backofficehub.edi.partners.PartnerProfile;

/**
 * An inbox file found to be EDI, as its first interchange header presents it: the sender's
 * profile (if any) chooses the engine that reads the file and the encoding it is read in.
 *
 * @param first   the first interchange's header, or null when none could be read
 * @param partner the first sender's profile, or null when it has none
 * @param headerFaults what is wrong with a first header the reader could not place but that was
 *                     read loosely ({@link org.backofficehub.edi.reading.LooseIsa}); empty otherwise
 * @param readBefore   this very file's reading began before (the inbox's SameFileRecognition): a crash
 *                     or a takeover cut it short, or came before the file left the inbox
 */
public record EdiFile(Path path, String fileName, Envelope first, PartnerProfile partner, Charset charset, String engine,
                      java.util.List<org.backofficehub.edi.SyntaxError> headerFaults, boolean readBefore) {

    /** The EDIFACT directory its sender's profile names (D96A, D01B), for engines with one schema per directory. */
    public String directory() {
        return partner == null ? "" : partner.version();
    }
}
