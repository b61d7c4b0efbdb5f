package io.quickstep.http;

import software.amazon.awssdk.profiles.Profile;
import software.amazon.awssdk.profiles.ProfileFile;
import software.amazon.awssdk.profiles.ProfileProperty;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The access keys that requests may be signed with, read from a credentials file in the AWS CLI's
 * format ({@code ~/.aws/credentials}): every profile with an access key id and a secret is one key,
 * and a profile's {@code aws_session_token}, when it has one, must come with each request signed
 * with its key (as {@code X-Amz-Security-Token}).
 *
 * <pre>
 * [default]
 * aws_access_key_id = AKIDQUICKSTEP
 * aws_secret_access_key = a-long-random-secret
 *
 * [ci]
 * aws_access_key_id = AKIDCI
 * aws_secret_access_key = another-secret
 * </pre>
 *
 * The file is parsed by the AWS SDK's own profile-file parser, so whatever the AWS CLI reads is read
 * the same way here.
 */
public final class AccessKeys {
    /** One key's secret, and the session token that must come with it (null: none may). */
    record Key(String secret, String sessionToken) {
    }

    private final Map<String, Key> byId;

    private AccessKeys(Map<String, Key> byId) {
        this.byId = Map.copyOf(byId);
    }

    /**
     * Reads a credentials file.
     *
     * @throws IllegalArgumentException saying what is wrong with it: missing, unreadable, not in the
     *                                  format, no key in it, or one access key id with two secrets
     */
    public static AccessKeys read(Path file) {
        if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
            throw new IllegalArgumentException(file + ": no such file, or not readable");
        }
        ProfileFile profiles;
        try {
            profiles = ProfileFile.builder().content(file).type(ProfileFile.Type.CREDENTIALS).build();
        } catch (RuntimeException e) { // the SDK's parser says what is wrong and on which line
            throw new IllegalArgumentException(file + ": not a credentials file: " + e.getMessage());
        }
        Map<String, Key> keys = new HashMap<>();
        for (Profile profile : profiles.profiles().values()) {
            Optional<String> id = profile.property(ProfileProperty.AWS_ACCESS_KEY_ID);
            Optional<String> secret = profile.property(ProfileProperty.AWS_SECRET_ACCESS_KEY);
            if (id.isEmpty() || secret.isEmpty()) {
                continue;
            }
            Key key = new Key(secret.get(), profile.property(ProfileProperty.AWS_SESSION_TOKEN).orElse(null));
            Key other = keys.putIfAbsent(id.get(), key);
            if (other != null && !other.equals(key)) {
                throw new IllegalArgumentException(file + ": access key id " + id.get()
                        + " appears in two profiles with different secrets or session tokens");
            }
        }
        if (keys.isEmpty()) {
            throw new IllegalArgumentException(file + ": no profile in it has both " + ProfileProperty.AWS_ACCESS_KEY_ID
                    + " and " + ProfileProperty.AWS_SECRET_ACCESS_KEY);
        }
        return new AccessKeys(keys);
    }

    /** The key of an access key id, or null when there is none. */
    Key find(String accessKeyId) {
        return byId.get(accessKeyId);
    }

    /** How many keys there are. */
    public int size() {
        return byId.size();
    }
}
