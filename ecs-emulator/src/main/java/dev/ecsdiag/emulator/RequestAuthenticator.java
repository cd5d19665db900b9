package dev.ecsdiag.emulator;

import java.security.MessageDigest;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Checks a call the way the service does before it does anything else: the key exists, the
 * timestamp is within 15 minutes of the server clock, the Signature V1 matches, the STS token fits
 * the key, and the nonce was not used before.
 */
final class RequestAuthenticator {

    static final Duration MAX_SKEW = Duration.ofMinutes(15);
    private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss'Z'");

    private final CredentialStore credentials;
    private final Clock clock;
    /** Nonce -> when it may be forgotten (a reuse after that fails the timestamp check anyway). */
    private final Map<String, Instant> usedNonces = new ConcurrentHashMap<>();
    private volatile Instant nextSweep = Instant.EPOCH;

    RequestAuthenticator(CredentialStore credentials, Clock clock) {
        this.credentials = credentials;
        this.clock = clock;
    }

    /** Returns the caller's key, or throws the service's error. */
    CredentialStore.AccessKey authenticate(RpcRequest request) {
        String keyId = request.require("AccessKeyId");
        String signature = request.require("Signature");
        String nonce = request.require("SignatureNonce");
        String timestamp = request.require("Timestamp");
        String method = request.get("SignatureMethod");
        if (method != null && !"HMAC-SHA1".equals(method)) {
            throw EcsError.invalidParameter("SignatureMethod", "only HMAC-SHA1 is supported");
        }
        String version = request.get("SignatureVersion");
        if (version != null && !"1.0".equals(version)) {
            throw EcsError.invalidParameter("SignatureVersion", "only 1.0 is supported");
        }
        CredentialStore.AccessKey key = credentials.find(keyId).orElseThrow(EcsError::accessKeyNotFound);
        checkTimestamp(timestamp);

        String stringToSign = SignatureV1.stringToSign(request.httpMethod(), request.parameters());
        String expected = SignatureV1.sign(key.secret(), stringToSign);
        // Constant-time comparison: the emulator should not teach bad habits.
        if (!MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII), signature.getBytes(StandardCharsets.UTF_8))) {
            throw EcsError.signatureDoesNotMatch(stringToSign);
        }
        if (key.securityToken() != null && !key.securityToken().equals(request.get("SecurityToken"))) {
            throw EcsError.securityTokenMismatch();
        }
        rememberNonce(nonce);
        return key;
    }

    private void checkTimestamp(String timestamp) {
        Instant sent;
        try {
            sent = LocalDateTime.parse(timestamp, TIMESTAMP).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            throw EcsError.timestampFormat(timestamp);
        }
        Duration skew = Duration.between(sent, clock.instant()).abs();
        if (skew.compareTo(MAX_SKEW) > 0) {
            throw EcsError.timestampExpired(timestamp);
        }
    }

    private void rememberNonce(String nonce) {
        Instant now = clock.instant();
        sweep(now);
        // Twice the skew: a timestamp may be 15 minutes ahead and still be accepted for 30.
        if (usedNonces.putIfAbsent(nonce, now.plus(MAX_SKEW.multipliedBy(2))) != null) {
            throw EcsError.nonceUsed();
        }
    }

    private void sweep(Instant now) {
        if (now.isBefore(nextSweep)) {
            return;
        }
        nextSweep = now.plusSeconds(60);
        for (Iterator<Instant> it = usedNonces.values().iterator(); it.hasNext(); ) {
            if (it.next().isBefore(now)) {
                it.remove();
            }
        }
    }
}
