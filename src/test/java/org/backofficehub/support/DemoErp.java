package org.backofficehub.support;

import java.time.Clock;
import javax.sql.DataSource;
import org.backofficehub.erp.ErpOrderReader;
import org.backofficehub.erp.ErpOrderWriter;
import org.backofficehub.erp.ErpProfile;
import org.backofficehub.erp.ItemCatalogue;

/** The demo ERP's profile (config/erp/demo.properties) and the ERP beans over it, as tests build them without the daemon. */
public final class DemoErp {

    private static ErpProfile profile;

    private DemoErp() {
    }

    public static synchronized ErpProfile profile() {
        if (profile == null) {
            profile = ErpProfile.load("demo", key -> null);
        }
        return profile;
    }

    public static ErpOrderWriter writer(DataSource erp) {
        return new ErpOrderWriter(erp, profile(), Clock.systemUTC());
    }

    public static ErpOrderReader reader(DataSource erp) {
        return new ErpOrderReader(erp, profile());
    }

    public static ItemCatalogue catalogue(DataSource erp, String listPriceCurrency) {
        return new ItemCatalogue(erp, profile(), listPriceCurrency);
    }
}
