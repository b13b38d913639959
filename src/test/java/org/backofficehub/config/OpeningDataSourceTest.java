package org.backofficehub.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.backofficehub.config.Databases.DatabaseSettings;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OpeningDataSourceTest {

    private final ExecutorService opening = Executors.newSingleThreadExecutor();

    @TempDir
    Path dataDir;

    @AfterEach
    void stop() {
        opening.shutdownNow();
    }

    @Test
    void connectionsComeFromTheDatabaseOnceItIsOpenAndMigrated() throws Exception {
        try (OpeningDataSource hubStore = OpeningDataSource.open("hub store", () -> {
            HikariDataSource opened = Databases.open("hub", new DatabaseSettings("", "sa", "", 2), dataDir);
            Databases.migrate(opened, "classpath:db/hub");
            return opened;
        }, opening);
             Connection connection = hubStore.getConnection()) {
            assertThat(connection.createStatement().executeQuery("SELECT COUNT(*) FROM route_mode").next()).isTrue();
            assertThat(hubStore.isWrapperFor(HikariDataSource.class)).isTrue();
        }
    }

    @Test
    void aDatabaseThatCannotBeOpenedFailsEveryConnectionWithItsCause() {
        OpeningDataSource erp = OpeningDataSource.open("ERP", () -> {
            throw new IllegalStateException("Connection to erp-host:5432 refused");
        }, opening);

        for (int attempt = 0; attempt < 2; attempt++) {
            assertThatThrownBy(erp::getConnection)
                    .isInstanceOf(SQLException.class)
                    .hasMessage("The ERP database could not be opened: Connection to erp-host:5432 refused")
                    .hasCauseInstanceOf(IllegalStateException.class);
        }
        erp.close();
    }
}
