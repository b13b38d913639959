package org.backofficehub.edi.reading;

import java.util.Map;
import java.util.Set;
import org.backofficehub.edi.EdiStandard;
import org.backofficehub.edi.partners.PartnerProfile;
import org.backofficehub.edi.partners.PartnerProfiles;

/**
 * The EDI engines a partner profile can name (StAEDI, the default, or Smooks' EDIFACT cartridge)
 * and the order translators for what each reads: both hand over the same segments.
 */
public final class EdiEngines {

    /** The EDIFACT directories the Smooks engine has schemas for here (edifact-schemas d96a, d01b). */
    static final Set<String> SMOOKS_DIRECTORIES = Set.of("D96A", "D01B");

    private EdiEngines() {
    }

    /**
     * Refuses profiles naming an engine that does not exist or cannot read their standard and
     * version, and the Smooks engine when its jar ({@link SmooksEdifact#JAR}) is not installed.
     */
    public static PartnerProfiles check(PartnerProfiles profiles) {
        return check(profiles, EdiEngines.class.getClassLoader());
    }

    /** As {@link #check(PartnerProfiles)}, with the hub's classes from {@code classes}. */
    static PartnerProfiles check(PartnerProfiles profiles, ClassLoader classes) {
        for (PartnerProfile profile : profiles.all()) {
            boolean smooks = PartnerProfile.SMOOKS.equals(profile.engine());
            if (!smooks && !PartnerProfile.STAEDI.equals(profile.engine())) {
                throw new IllegalStateException("Partner " + profile.partnerId() + " asks for EDI engine '" + profile.engine()
                        + "'; the engines are " + PartnerProfile.STAEDI + " and " + PartnerProfile.SMOOKS);
            }
            if (smooks && (profile.standard() != EdiStandard.EDIFACT || !SMOOKS_DIRECTORIES.contains(profile.version()))) {
                throw new IllegalStateException("Partner " + profile.partnerId() + ": the Smooks engine reads EDIFACT "
                        + SMOOKS_DIRECTORIES + " only, not " + profile.standard() + " " + profile.version());
            }
            if (smooks && !SmooksEdifact.installed(classes, profile.version())) {
                throw new IllegalStateException("Partner " + profile.partnerId() + " asks for the Smooks engine (engine = smooks), which is"
                        + " not installed: put " + SmooksEdifact.JAR + " (built as target/" + SmooksEdifact.JAR + ") beside"
                        + " backoffice-hub.jar, whose manifest puts it on the class path, or set the partner's engine to "
                        + PartnerProfile.STAEDI);
            }
        }
        return profiles;
    }

    /** The translator key for a message type: "ORDERS" and "850" for the StAEDI engine. */
    public static String translatorKey(String engine, String messageType) {
        return engine + "/" + messageType;
    }

    /** The order translators by engine and message type. */
    public static Map<String, OrderMessageTranslator> translators() {
        return Map.of(
                translatorKey(PartnerProfile.STAEDI, "ORDERS"), new EdifactOrdersTranslator(),
                translatorKey(PartnerProfile.STAEDI, "850"), new X12PurchaseOrderTranslator(),
                translatorKey(PartnerProfile.SMOOKS, "ORDERS"), new EdifactOrdersTranslator());
    }
}
