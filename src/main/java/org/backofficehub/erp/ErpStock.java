package org.backofficehub.erp;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import javax.sql.DataSource;

/** Current stock of items, as the ERP's item master has it. */
public final class ErpStock {

    public record Level(String sku, BigDecimal onHand, BigDecimal allocated) {
        public BigDecimal available() {
            return onHand.subtract(allocated);
        }
    }

    private final DataSource erp;
    private final NamedSql levels;

    /** With the profile's {@code stock.levels}: sku, onHand, allocated of one item. */
    public ErpStock(DataSource erp, ErpProfile profile) {
        this.erp = erp;
        this.levels = profile.statement(ErpStatement.STOCK_LEVELS);
    }

    /** 5000.000 as 5000, 14.500 as 14.5. */
    private static BigDecimal quantity(BigDecimal stored) {
        if (stored == null) {
            return BigDecimal.ZERO;
        }
        return org.backofficehub.util.Decimals.stripped(stored);
    }

    public List<Level> levels(Collection<String> skus) {
        List<Level> levels = new ArrayList<>();
        try (Connection connection = erp.getConnection();
             PreparedStatement select = connection.prepareStatement(this.levels.jdbc())) {
            for (String sku : skus) {
                SqlBinding.bind(select, this.levels, name -> sku);
                try (ResultSet rs = select.executeQuery()) {
                    ResultColumns level = new ResultColumns(rs, this.levels);
                    if (rs.next()) {
                        levels.add(new Level(level.requiredText("sku"), quantity(level.requiredDecimal("onHand")),
                                quantity(level.has("allocated") ? level.decimal("allocated") : BigDecimal.ZERO)));
                    }
                }
            }
            return levels;
        } catch (SQLException e) {
            throw new ErpUnavailableException("Cannot read stock levels from the ERP: " + e.getMessage(), e);
        }
    }
}
