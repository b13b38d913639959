package org.backofficehub.edi;

/** An X12 functional group header (GS); EDIFACT interchanges rarely use UNG and need none. */
public record FunctionalGroup(String functionalId, String senderCode, String recipientCode, String controlNumber,
                              String version) {
}
