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

    public ErpStock(DataSource erp) {
        this.erp = erp;
    }

    /** 5000.000 as 5000, 14.500 as 14.5. */
    private static BigDecimal quantity(BigDecimal stored) {
        BigDecimal stripped = stored.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }

    public List<Level> levels(Collection<String> skus) {
        List<Level> levels = new ArrayList<>();
        try (Connection connection = erp.getConnection();
             PreparedStatement select = connection.prepareStatement("SELECT IMITNO, IMONHD, IMALLO FROM ITMMAS WHERE IMITNO = ?")) {
            for (String sku : skus) {
                select.setString(1, sku);
                try (ResultSet rs = select.executeQuery()) {
                    if (rs.next()) {
                        levels.add(new Level(rs.getString(1), quantity(rs.getBigDecimal(2)), quantity(rs.getBigDecimal(3))));
                    }
                }
            }
            return levels;
        } catch (SQLException e) {
            throw new ErpUnavailableException("Cannot read stock levels from the ERP: " + e.getMessage(), e);
        }
    }
}
