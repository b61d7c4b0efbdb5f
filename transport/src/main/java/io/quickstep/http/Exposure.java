package io.quickstep.http;

import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * Whether the server may listen where it is asked to. The API has no authorization of its own: on
 * the loopback address only this machine reaches it; on any other address it needs request
 * signatures checked, or the operator's explicit {@code --insecure}.
 */
public final class Exposure {
    private Exposure() {
    }

    /**
     * Throws an {@link IllegalArgumentException} saying why the server must not listen on {@code host}.
     *
     * @param sigV4    requests are to be verified against AWS Signature Version 4
     * @param insecure the operator accepts unauthenticated requests from the network
     */
    public static void check(String host, boolean sigV4, boolean insecure) {
        InetAddress address;
        try {
            address = InetAddress.getByName(host);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("--bind " + host + ": no such address on this machine");
        }
        if (address.isLoopbackAddress() || sigV4 || insecure) {
            return;
        }
        throw new IllegalArgumentException("--bind " + host + " would let anyone who reaches this machine run "
                + "and change workflows: the API checks no credentials unless --auth sigv4 is given. "
                + "Add --auth sigv4 --credentials FILE to accept only signed requests, --insecure to serve on "
                + host + " without authentication, or bind 127.0.0.1");
    }
}
