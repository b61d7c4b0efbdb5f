package io.quickstep.httptask;

import io.quickstep.json.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The parts of HTTP tasks that need no network: the allow-list, form encoding, connections files. */
class HttpTaskPartsTest {
    @TempDir
    Path dir;

    @Test
    void loopbackIsAlwaysAllowedAndOtherHostsOnlyAsListed() {
        HostAllowList none = HostAllowList.loopbackOnly();
        assertTrue(none.allows("127.0.0.1", 80));
        assertTrue(none.allows("127.8.9.10", 8080));
        assertTrue(none.allows("localhost", 1));
        assertTrue(none.allows("[::1]", 443));
        assertFalse(none.allows("example.com", 443));
        assertFalse(none.allows("127.0.0.1.example.com", 443), "a name is never taken for the address it spells");
        assertFalse(none.allows("10.0.0.1", 443));

        HostAllowList some = HostAllowList.of(List.of("api.example.com", "*.internal.example.com:8443", "[2001:db8::1]"));
        assertTrue(some.allows("api.example.com", 443));
        assertTrue(some.allows("API.Example.com", 80));
        assertFalse(some.allows("other.example.com", 443));
        assertTrue(some.allows("a.internal.example.com", 8443));
        assertTrue(some.allows("a.b.internal.example.com", 8443));
        assertFalse(some.allows("a.internal.example.com", 443), "only the port listed");
        assertFalse(some.allows("internal.example.com", 8443), "a wildcard is for subdomains only");
        assertTrue(some.allows("[2001:db8::1]", 443));
        assertEquals("loopback,api.example.com,*.internal.example.com:8443,[2001:db8::1]", some.toString());
    }

    @Test
    void anAllowListEntryThatIsNoHostIsRefusedNamingIt() {
        IllegalArgumentException bad = assertThrows(IllegalArgumentException.class,
                () -> HostAllowList.of(List.of("good.example.com", "bad host")));
        assertTrue(bad.getMessage().startsWith("'bad host' is no host"), bad.getMessage());
        IllegalArgumentException port = assertThrows(IllegalArgumentException.class,
                () -> HostAllowList.of(List.of("example.com:99999")));
        assertEquals("'example.com:99999': the port must be a number from 1 to 65535", port.getMessage());
    }

    @Test
    void eachArrayFormatEncodesArraysAsAwsDocumentsIt() throws Exception {
        var body = Json.parse("{\"array\": [\"a\", \"b\", \"c\"], \"x\": 1}");
        assertEquals("array%5B0%5D=a&array%5B1%5D=b&array%5B2%5D=c&x=1",
                FormEncoding.encode(body, FormEncoding.ArrayFormat.INDICES));
        assertEquals("array=a&array=b&array=c&x=1", FormEncoding.encode(body, FormEncoding.ArrayFormat.REPEAT));
        assertEquals("array=a,b,c&x=1", FormEncoding.encode(body, FormEncoding.ArrayFormat.COMMAS));
        assertEquals("array%5B%5D=a&array%5B%5D=b&array%5B%5D=c&x=1",
                FormEncoding.encode(body, FormEncoding.ArrayFormat.BRACKETS));
    }

    @Test
    void nestedValuesAndScalarsAreFormEncoded() throws Exception {
        var body = Json.parse("{\"o\": {\"k\": \"v w\", \"n\": null}, \"list\": [{\"a\": true}], \"csv\": [\"1,2\", 3]}");
        assertEquals("o%5Bk%5D=v+w&o%5Bn%5D=&list%5B0%5D%5Ba%5D=true&csv=1%2C2,3",
                FormEncoding.encode(body, FormEncoding.ArrayFormat.COMMAS), "objects in an array: as INDICES");
    }

    @Test
    void aConnectionsFileIsReadByNameAndItsProblemsNamedByPointer() throws Exception {
        Path file = Files.writeString(dir.resolve("connections.json"), "[{\"Name\": \"a\", \"AuthorizationType\": "
                + "\"BASIC\", \"AuthParameters\": {\"BasicAuthParameters\": {\"Username\": \"u\", \"Password\": \"p\"}}}]");
        HttpConnections connections = HttpConnections.read(file);
        assertEquals(java.util.Set.of("a"), connections.names());
        assertEquals("a", HttpConnections.nameOf("arn:aws:events:eu-west-1:111122223333:connection/a/5f4c"));
        assertEquals("a", HttpConnections.nameOf("arn:aws:events:us-east-1:123456789012:connection/a"));
        assertNull(HttpConnections.nameOf("arn:aws:lambda:us-east-1:123456789012:function:a"));
        assertEquals("connection 'a'", connections.named("a").toString());

        assertEquals(file + ": /0/AuthParameters/BasicAuthParameters/Password: required", problem(file,
                "[{\"Name\": \"a\", \"AuthorizationType\": \"BASIC\", \"AuthParameters\": {\"BasicAuthParameters\": "
                        + "{\"Username\": \"u\"}}}]"));
        assertEquals(file + ": /0/AuthorizationType: must be API_KEY, BASIC or OAUTH_CLIENT_CREDENTIALS, was 'NONE'",
                problem(file, "[{\"Name\": \"a\", \"AuthorizationType\": \"NONE\"}]"));
        assertEquals(file + ": /1/Name: a second connection named 'a'", problem(file, "["
                + "{\"Name\": \"a\", \"AuthorizationType\": \"API_KEY\", \"AuthParameters\": {\"ApiKeyAuthParameters\":"
                + " {\"ApiKeyName\": \"k\", \"ApiKeyValue\": \"v\"}}},"
                + "{\"Name\": \"a\", \"AuthorizationType\": \"API_KEY\", \"AuthParameters\": {\"ApiKeyAuthParameters\":"
                + " {\"ApiKeyName\": \"k\", \"ApiKeyValue\": \"v\"}}}]"));
        assertEquals(file + ": /0/AuthParameters/OAuthParameters/AuthorizationEndpoint: expected an http:// or "
                + "https:// URL with a host", problem(file, "[{\"Name\": \"o\", \"AuthorizationType\": "
                + "\"OAUTH_CLIENT_CREDENTIALS\", \"AuthParameters\": {\"OAuthParameters\": {\"AuthorizationEndpoint\":"
                + " \"token-s3cr3t\", \"HttpMethod\": \"POST\", \"ClientParameters\": {}}}}]"));
        String injected = problem(file, "[{\"Name\": \"a\", \"AuthorizationType\": \"API_KEY\", \"AuthParameters\": "
                + "{\"ApiKeyAuthParameters\": {\"ApiKeyName\": \"k\", \"ApiKeyValue\": \"s3cr3t\\r\\nx: y\"}}}]");
        assertEquals(file + ": /0/AuthParameters/ApiKeyAuthParameters/ApiKeyName: 'k' with its value is not a valid "
                + "HTTP header (a token name, a value without CR or LF)", injected);
        assertTrue(problem(file, "{\"Name\": \"a\"}").endsWith(": expected a JSON array of connections "
                + "(EventBridge CreateConnection requests: Name, AuthorizationType, AuthParameters)"));
        assertTrue(problem(file, "[{").startsWith(file + ": malformed JSON at line 1, column 3"));
        assertEquals(dir.resolve("none.json") + ": no such file", assertThrows(IllegalArgumentException.class,
                () -> HttpConnections.read(dir.resolve("none.json"))).getMessage());
    }

    private static String problem(Path file, String text) throws Exception {
        Files.writeString(file, text);
        return assertThrows(IllegalArgumentException.class, () -> HttpConnections.read(file)).getMessage();
    }

    @Test
    void theHttpTaskPackageUsesOnlyTheEnginesPublicApi() {
        io.quickstep.LayeringTest.assertUsesOnlyThePublicApi("io.quickstep.httptask");
    }
}
