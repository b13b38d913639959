package org.backofficehub.xml.standards;

/**
 * The business-document standards whose orders the hub reads, each under the name the inbox's
 * format header carries ({@code hubDocumentFormat}) and the setting that names its mapping.
 */
public enum DocumentStandard {

    UBL("UBL", "UBL 2.1 Order", "hub.mapping.ubl"),
    CXML("cXML", "cXML OrderRequest", "hub.mapping.cxml"),
    OPENTRANS("openTRANS", "openTRANS 2.1 ORDER", "hub.mapping.opentrans");

    private final String title;
    private final String document;
    private final String mappingSetting;

    DocumentStandard(String title, String document, String mappingSetting) {
        this.title = title;
        this.document = document;
        this.mappingSetting = mappingSetting;
    }

    /** The standard's name as it writes it ("cXML"). */
    public String title() {
        return title;
    }

    /** The order document of the standard, as reasons name it ("UBL 2.1 Order"). */
    public String document() {
        return document;
    }

    /** The setting ({@code config/application.properties}) that says where the standard's mapping is. */
    public String mappingSetting() {
        return mappingSetting;
    }

    /** The standard a format header names; null for the hub's own formats. */
    public static DocumentStandard ofFormat(String format) {
        for (DocumentStandard standard : values()) {
            if (standard.name().equals(format)) {
                return standard;
            }
        }
        return null;
    }
}
