package org.backofficehub.edi.intake;

/** An interchange read to its end (or as far as it could be read): what remains is to answer it and record it. */
public record InterchangeEnd(EdiFileReading.Interchange interchange) {
}
