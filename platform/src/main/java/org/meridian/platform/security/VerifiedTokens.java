package org.meridian.platform.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import io.smallrye.jwt.auth.principal.DefaultJWTParser;
import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import io.smallrye.jwt.auth.principal.JWTParser;
import io.smallrye.jwt.auth.principal.ParseException;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import jakarta.inject.Inject;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.time.Duration;
import java.time.Instant;
import javax.crypto.SecretKey;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * The services' bearer-token verification, remembering tokens it has verified until they expire (at most
 * {@link #MAX_REMEMBERED}): an app or the gateway sends the same token with many calls, and verifying it each time
 * (JSON parsing and an RSA signature check) was a tenth of outcomes-service's CPU per submission. A token is
 * remembered by its exact text, so a token altered in any way is verified afresh; an expired one is never taken from
 * memory. A token is remembered for a minute at most, so that one signed with a key the issuer has withdrawn is refused
 * at most a minute after the services drop the key (docs/security.md#signing-keys-and-rotation), where verifying it
 * once a minute costs nothing measurable. Everything else goes to smallrye-jwt's own parser.
 */
@Alternative
@Priority(1)
@ApplicationScoped
public class VerifiedTokens implements JWTParser {

    static final Duration MAX_REMEMBERED = Duration.ofMinutes(1);
    private static final int MAX_TOKENS = 10_000;

    private final Cache<String, JsonWebToken> verified = Caffeine.newBuilder()
            .maximumSize(MAX_TOKENS)
            .expireAfter(Expiry.<String, JsonWebToken>creating((token, jwt) -> rememberedFor(jwt)))
            .build();

    @Inject
    DefaultJWTParser verifier;

    @Override
    public JsonWebToken parse(String token) throws ParseException {
        JsonWebToken known = remembered(token);
        if (known != null) {
            return known;
        }
        JsonWebToken jwt = verifier.parse(token);
        verified.put(token, jwt);
        return jwt;
    }

    /** Whether this token was verified here and is still remembered: a lookup, which never blocks. */
    public boolean remembers(String token) {
        return remembered(token) != null;
    }

    /** Whether this token verifies; may block, to fetch the issuer's keys. */
    public boolean verifies(String token) {
        try {
            parse(token);
            return true;
        } catch (ParseException e) {
            return false;
        }
    }

    private JsonWebToken remembered(String token) {
        JsonWebToken known = verified.getIfPresent(token);
        return known != null && known.getExpirationTime() > Instant.now().getEpochSecond() ? known : null;
    }

    private static Duration rememberedFor(JsonWebToken jwt) {
        long remaining = jwt.getExpirationTime() - Instant.now().getEpochSecond();
        return Duration.ofSeconds(Math.max(0, Math.min(remaining, MAX_REMEMBERED.toSeconds())));
    }

    @Override
    public JsonWebToken parse(String token, JWTAuthContextInfo context) throws ParseException {
        return verifier.parse(token, context);
    }

    @Override
    public JsonWebToken verify(String token, PublicKey key) throws ParseException {
        return verifier.verify(token, key);
    }

    @Override
    public JsonWebToken verify(String token, SecretKey key) throws ParseException {
        return verifier.verify(token, key);
    }

    @Override
    public JsonWebToken verify(String token, String secret) throws ParseException {
        return verifier.verify(token, secret);
    }

    @Override
    public JsonWebToken decrypt(String token, PrivateKey key) throws ParseException {
        return verifier.decrypt(token, key);
    }

    @Override
    public JsonWebToken decrypt(String token, SecretKey key) throws ParseException {
        return verifier.decrypt(token, key);
    }

    @Override
    public JsonWebToken decrypt(String token, String secret) throws ParseException {
        return verifier.decrypt(token, secret);
    }

    @Override
    public JsonWebToken parseOnly(String token) throws ParseException {
        return verifier.parseOnly(token);
    }
}
