package io.perfcenter.support;

import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.consumer.JwtConsumerBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The local signing key is readable by its owner only, and tokens name PerfCenter as their audience. */
class LocalIdentityTests {

    @Test
    void keyFilesAreReadableByTheOwnerOnly(@TempDir Path dir) throws Exception {
        Path keys = dir.resolve("keys");
        LocalIdentity created = LocalIdentity.inDirectory(keys);
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(keys)));
        assertEquals("rw-------", PosixFilePermissions.toString(
                Files.getPosixFilePermissions(keys.resolve("signing-key.der"))));
        assertEquals("rw-------", PosixFilePermissions.toString(
                Files.getPosixFilePermissions(keys.resolve("verification-key.der"))));
        // and the pair is read back as it was written
        assertEquals(created.publicKeyBase64(), LocalIdentity.inDirectory(keys).publicKeyBase64());
    }

    @Test
    void tokensCarryTheAudience() throws Exception {
        LocalIdentity identity = LocalIdentity.generated();
        JwtClaims claims = new JwtConsumerBuilder().setSkipAllValidators().setSkipSignatureVerification()
                .build().processToClaims(identity.token("h1", "H1", List.of("hr"), Duration.ofMinutes(5)));
        assertEquals(List.of("perfcenter"), claims.getAudience());
        JwtClaims other = new JwtConsumerBuilder().setSkipAllValidators().setSkipSignatureVerification()
                .build().processToClaims(identity.token("crm-other", "c", null, List.of("hr"), Duration.ofMinutes(5)));
        assertEquals(List.of("crm-other"), other.getAudience());
    }
}
