package io.quickstep.httptask;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The hosts HTTP tasks may call, so that a definition cannot make the server call anywhere it
 * likes. Loopback ({@code localhost}, {@code 127.0.0.0/8}, {@code ::1}) is always allowed; any
 * other host only when an entry names it: {@code HOST} (any port), {@code HOST:PORT}, or
 * {@code *.DOMAIN[:PORT]} for every subdomain of DOMAIN (not DOMAIN itself). Names are compared as
 * written in the definition, case-insensitively, before any DNS lookup; IPv6 addresses are written
 * in brackets ({@code [2001:db8::1]:8443}).
 */
public final class HostAllowList {
    private static final Pattern LABELS = Pattern.compile("[a-z0-9_]([a-z0-9_-]*[a-z0-9_])?(\\.[a-z0-9_]([a-z0-9_-]*[a-z0-9_])?)*");
    private static final Pattern IPV4_LITERAL = Pattern.compile("[0-9.]+");
    private static final HostAllowList LOOPBACK_ONLY = new HostAllowList(List.of());

    private final List<Entry> entries;

    private HostAllowList(List<Entry> entries) {
        this.entries = entries;
    }

    /** Loopback only: the default. */
    public static HostAllowList loopbackOnly() {
        return LOOPBACK_ONLY;
    }

    /**
     * Loopback and the hosts {@code entries} name ({@code HOST[:PORT]} or {@code *.DOMAIN[:PORT]}
     * each); an entry that is none of these throws an {@link IllegalArgumentException} naming it.
     */
    public static HostAllowList of(Collection<String> entries) {
        List<Entry> parsed = new ArrayList<>();
        for (String entry : entries) {
            parsed.add(Entry.parse(entry.trim()));
        }
        return new HostAllowList(List.copyOf(parsed));
    }

    /** Whether a call to {@code host} (as a URI writes it) on {@code port} is allowed. */
    public boolean allows(String host, int port) {
        String name = normalized(host);
        if (isLoopback(name)) {
            return true;
        }
        for (Entry entry : entries) {
            if (entry.matches(name, port)) {
                return true;
            }
        }
        return false;
    }

    /** Whether a call to {@code uri}'s host and port (its scheme's default when it has none) is allowed. */
    boolean allows(URI uri) {
        return allows(uri.getHost(), port(uri));
    }

    static int port(URI uri) {
        return uri.getPort() >= 0 ? uri.getPort() : "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
    }

    /** Lower case, without the brackets of an IPv6 literal and a trailing dot. */
    private static String normalized(String host) {
        String name = host.toLowerCase(Locale.ROOT);
        if (name.startsWith("[") && name.endsWith("]")) {
            name = name.substring(1, name.length() - 1);
        }
        return name.endsWith(".") ? name.substring(0, name.length() - 1) : name;
    }

    /** localhost, or an IP literal of the loopback ranges; a name is never looked up. */
    private static boolean isLoopback(String host) {
        if (host.equals("localhost")) {
            return true;
        }
        if (!host.contains(":") && !IPV4_LITERAL.matcher(host).matches()) {
            return false; // a name: not resolved here (InetAddress.getByName would ask DNS)
        }
        try {
            return InetAddress.getByName(host).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }

    @Override
    public String toString() {
        List<String> written = new ArrayList<>();
        written.add("loopback");
        entries.forEach(entry -> written.add(entry.toString()));
        return String.join(",", written);
    }

    /** One entry: a host or a domain's subdomains, on any port (-1) or one. */
    private record Entry(String host, boolean subdomains, int port) {
        static Entry parse(String written) {
            String rest = written.toLowerCase(Locale.ROOT);
            int port = -1;
            int colon = rest.lastIndexOf(':');
            boolean bracketed = rest.startsWith("[");
            if (colon >= 0 && (!bracketed || colon > rest.indexOf(']'))) {
                try {
                    port = Integer.parseInt(rest.substring(colon + 1));
                } catch (NumberFormatException e) {
                    port = 0;
                }
                if (port < 1 || port > 65535) {
                    throw new IllegalArgumentException("'" + written + "': the port must be a number from 1 to 65535");
                }
                rest = rest.substring(0, colon);
            }
            boolean subdomains = rest.startsWith("*.");
            String host = normalized(subdomains ? rest.substring(2) : rest);
            boolean ipv6 = bracketed && !subdomains && host.contains(":");
            if (host.isEmpty() || !ipv6 && !LABELS.matcher(host).matches()) {
                throw new IllegalArgumentException("'" + written + "' is no host: write HOST, HOST:PORT, *.DOMAIN or "
                        + "*.DOMAIN:PORT (an IPv6 address in brackets)");
            }
            return new Entry(host, subdomains, port);
        }

        boolean matches(String name, int callPort) {
            if (port >= 0 && port != callPort) {
                return false;
            }
            return subdomains ? name.endsWith("." + host) : name.equals(host);
        }

        @Override
        public String toString() {
            String written = (subdomains ? "*." : "") + (host.contains(":") ? "[" + host + "]" : host);
            return port < 0 ? written : written + ":" + port;
        }
    }
}
