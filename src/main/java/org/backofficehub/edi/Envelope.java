package org.backofficehub.edi;

/**
 * An interchange header: who sent it to whom, its control number and syntax. {@code syntaxVersion}
 * is UNB's syntax level (e.g. "3") or ISA12 (e.g. "00401"); {@code date} and
 * {@code time} are as written (YYMMDD, HHMM), for acknowledgements that quote them.
 */
public record Envelope(EdiStandard standard, String senderId, String senderQualifier, String recipientId,
                       String recipientQualifier, String controlNumber, String syntaxIdentifier, String syntaxVersion,
                       boolean test, String date, String time) {
}
