package io.perfcenter.support;

import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.lang.JoseException;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.time.Duration;
import java.util.Base64;
import java.util.List;

/**
 * The local identity setup: an RSA key pair kept in a directory, whose public half the services verify bearer
 * tokens with ({@code quarkus.oidc.public-key}) and whose private half mints tokens for people and systems.
 * Stands in for Keycloak when the suite runs on one machine and in the end-to-end tests.
 */
public final class LocalIdentity {

    public static final String ISSUER = "perfcenter-local";
    /**
     * The audience ({@code aud}) every service requires ({@code quarkus.oidc.token.audience}, environment
     * {@code PERFCENTER_TOKEN_AUDIENCE}); a token minted for another client is refused.
     */
    public static final String AUDIENCE = "perfcenter";
    /** Claim carrying the person's employee id; services scope data by it. */
    public static final String EMPLOYEE_ID_CLAIM = "employee_id";

    private final KeyPair keyPair;

    private LocalIdentity(KeyPair keyPair) {
        this.keyPair = keyPair;
    }

    /** Loads the key pair from {@code directory}, creating it on first use. */
    public static LocalIdentity inDirectory(Path directory) {
        Path privateFile = directory.resolve("signing-key.der");
        Path publicFile = directory.resolve("verification-key.der");
        try {
            KeyFactory rsa = KeyFactory.getInstance("RSA");
            if (Files.exists(privateFile) && Files.exists(publicFile)) {
                PrivateKey priv = rsa.generatePrivate(new PKCS8EncodedKeySpec(Files.readAllBytes(privateFile)));
                PublicKey pub = rsa.generatePublic(new X509EncodedKeySpec(Files.readAllBytes(publicFile)));
                return new LocalIdentity(new KeyPair(pub, priv));
            }
            createPrivateDirectory(directory);
            LocalIdentity identity = generated();
            writePrivate(privateFile, identity.keyPair.getPrivate().getEncoded());
            writePrivate(publicFile, identity.keyPair.getPublic().getEncoded());
            return identity;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not keep the local key pair in " + directory, e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Unreadable key pair in " + directory + "; delete it to make a new one", e);
        }
    }

    /** The directory, readable by its owner only (where the file system has POSIX permissions). */
    private static void createPrivateDirectory(Path directory) throws IOException {
        Files.createDirectories(directory);
        if (posix(directory)) {
            Files.setPosixFilePermissions(directory, PosixFilePermissions.fromString("rwx------"));
        }
    }

    /** Writes a new file that only its owner can read: created with 0600, never readable by others in between. */
    private static void writePrivate(Path file, byte[] content) throws IOException {
        if (posix(file.getParent())) {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        }
        Files.write(file, content, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING,
                StandardOpenOption.WRITE);
    }

    private static boolean posix(Path path) {
        return path.getFileSystem().supportedFileAttributeViews().contains("posix");
    }

    /** A key pair that lives only in memory, for a test run. */
    public static LocalIdentity generated() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return new LocalIdentity(generator.generateKeyPair());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("RSA is not available", e);
        }
    }

    /** The verification key as {@code quarkus.oidc.public-key} takes it: base64 of the X.509 encoding. */
    public String publicKeyBase64() {
        return Base64.getEncoder().encodeToString(keyPair.getPublic().getEncoded());
    }

    /**
     * The signing key as scoring- and incentive-service take it ({@code PERFCENTER_SERVICE_SIGNING_KEY}): base64 of
     * the PKCS#8 encoding. With it they mint their own service tokens (issuer {@link #ISSUER}) for calls they make on
     * behalf of the system; never given to the gateway or metrics-service, which only verify.
     */
    public String privateKeyBase64() {
        return Base64.getEncoder().encodeToString(keyPair.getPrivate().getEncoded());
    }

    /** A signed RS256 access token for a person or system with the given roles. */
    public String token(String username, String employeeId, List<String> roles, Duration lifetime) {
        return token(AUDIENCE, username, employeeId, roles, lifetime);
    }

    /** As {@link #token(String, String, List, Duration)}, for the given audience (e.g. another client's). */
    public String token(String audience, String username, String employeeId, List<String> roles, Duration lifetime) {
        JwtClaims claims = new JwtClaims();
        claims.setIssuer(ISSUER);
        claims.setAudience(audience);
        claims.setSubject(username);
        claims.setClaim("preferred_username", username);
        claims.setStringListClaim("groups", roles);
        if (employeeId != null) {
            claims.setClaim(EMPLOYEE_ID_CLAIM, employeeId);
        }
        claims.setIssuedAtToNow();
        claims.setExpirationTimeMinutesInTheFuture(lifetime.toMinutes());
        JsonWebSignature jws = new JsonWebSignature();
        jws.setPayload(claims.toJson());
        jws.setKey(keyPair.getPrivate());
        jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.RSA_USING_SHA256);
        jws.setHeader("typ", "JWT");
        try {
            return jws.getCompactSerialization();
        } catch (JoseException e) {
            throw new IllegalStateException("Could not sign a token", e);
        }
    }
}
