package org.backofficehub.config;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.camel.BindToRegistry;
import org.apache.camel.CamelConfiguration;
import org.apache.camel.PropertyInject;
import org.backofficehub.security.AccessGate;
import org.backofficehub.security.GeneratedPasswords;
import org.backofficehub.security.OwnOrdersOnly;
import org.backofficehub.security.PasswordHashes;
import org.backofficehub.security.RequestOrigins;
import org.backofficehub.security.Role;
import org.backofficehub.security.SignInThrottle;
import org.backofficehub.security.SignIns;
import org.backofficehub.security.UserDirectory;
import org.backofficehub.security.UsersFile;
import org.backofficehub.store.DataDirectory;

/**
 * Who may call what: the users (built-in and the users file's), sign-in with its throttle, and
 * one access gate per kind of HTTP route, which the route configurations in hub-errors.camel.yaml
 * run before every step (webstore-api, reporting-api, admin-api).
 */
public class SecurityConfiguration implements CamelConfiguration {

    @BindToRegistry(lazy = true)
    public UserDirectory userDirectory(DataDirectory dataDirectory,
                                       @PropertyInject("hub.admin.user") String adminUser,
                                       @PropertyInject("hub.admin.password") String adminPassword,
                                       @PropertyInject("hub.security.webstore-user") String webstoreUser,
                                       @PropertyInject("hub.security.webstore-password") String webstorePassword,
                                       @PropertyInject("hub.security.users-file") String usersFile,
                                       @PropertyInject("hub.security.bcrypt-cost") int bcryptCost) {
        Map<String, UserDirectory.BuiltIn> builtIns = new LinkedHashMap<>();
        builtIns.put(adminUser.trim(), UserDirectory.BuiltIn.of(adminUser.trim(), Set.of(Role.ADMIN),
                GeneratedPasswords.password(adminPassword, dataDirectory.adminPassword(), "hub.admin.password (HUB_ADMIN_PASSWORD)")));
        if (!webstoreUser.isBlank()) {
            builtIns.put(webstoreUser.trim(), UserDirectory.BuiltIn.of(webstoreUser.trim(), Set.of(Role.WEBSTORE),
                    GeneratedPasswords.password(webstorePassword, dataDirectory.webstorePassword(),
                            "hub.security.webstore-password (HUB_SECURITY_WEBSTORE_PASSWORD)")));
        }
        return new UserDirectory(builtIns, new UsersFile(Path.of(usersFile.trim())), new PasswordHashes(bcryptCost));
    }

    @BindToRegistry(lazy = true)
    public SignIns signIns(UserDirectory users, Clock clock,
                           @PropertyInject("hub.security.sign-in.max-failures") int maxFailures,
                           @PropertyInject("hub.security.sign-in.lockout") String lockout,
                           @PropertyInject("hub.security.sign-in.max-lockout") String maxLockout) {
        return new SignIns(users, new SignInThrottle(maxFailures, Duration.parse(lockout.trim()), Duration.parse(maxLockout.trim()), clock));
    }

    @BindToRegistry(lazy = true)
    public RequestOrigins requestOrigins(@PropertyInject("hub.security.allowed-origins") String allowedOrigins) {
        return new RequestOrigins(Arrays.stream(allowedOrigins.split(",")).map(String::strip).filter(s -> !s.isEmpty())
                .collect(Collectors.toSet()));
    }

    /** The web store's order API: its client posts orders and reads them; reporting reads them too. */
    @BindToRegistry(lazy = true)
    public AccessGate webstoreAccess(SignIns signIns, RequestOrigins origins) {
        return new AccessGate(signIns, origins, Set.of(Role.WEBSTORE, Role.REPORTING), Set.of(Role.WEBSTORE));
    }

    /** The customer master and its reports: personal data, for reporting. */
    @BindToRegistry(lazy = true)
    public AccessGate reportingAccess(SignIns signIns, RequestOrigins origins) {
        return new AccessGate(signIns, origins, Set.of(Role.REPORTING), Set.of(Role.ADMIN));
    }

    /** The console and admin API: operators read, administrators change. */
    @BindToRegistry(lazy = true)
    public AccessGate adminAccess(SignIns signIns, RequestOrigins origins) {
        return new AccessGate(signIns, origins, Set.of(Role.OPERATOR), Set.of(Role.ADMIN));
    }

    @BindToRegistry(lazy = true)
    public OwnOrdersOnly ownOrdersOnly() {
        return new OwnOrdersOnly();
    }
}
