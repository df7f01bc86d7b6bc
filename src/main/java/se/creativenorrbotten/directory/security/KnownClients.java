package se.creativenorrbotten.directory.security;

import java.time.Duration;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * The clients from which each user name recently logged in successfully, for {@code ttl}. Only a login
 * with the right password adds an entry, so a stranger cannot make a client known. Bounded: at most
 * {@link #PER_USER} clients per user name (the least recent goes) and {@link #MAX_USERS} user names (those
 * whose clients all expired go first, then the least recently seen). In memory, per instance.
 */
final class KnownClients {

    static final int PER_USER = 32;
    static final int MAX_USERS = 10_000;
    /** A client's time is renewed at most this often: HTTP Basic logs in on every request. */
    private static final long RENEW_NANOS = 60_000_000_000L;

    private final long ttlNanos;
    private final LongSupplier nanoTime;
    /** Per user name, its clients and the time of their last successful login, least recent first. */
    private final Map<String, LinkedHashMap<String, Long>> users = new ConcurrentHashMap<>();

    KnownClients(Duration ttl, LongSupplier nanoTime) {
        this.ttlNanos = ttl.toNanos();
        this.nanoTime = nanoTime;
    }

    boolean isKnown(String username, String client) {
        LinkedHashMap<String, Long> clients = users.get(username);
        if (clients == null) {
            return false;
        }
        synchronized (clients) {
            Long last = clients.get(client);
            return last != null && nanoTime.getAsLong() - last < ttlNanos;
        }
    }

    void remember(String username, String client) {
        if (ttlNanos <= 0) {
            return;
        }
        long now = nanoTime.getAsLong();
        if (users.size() >= MAX_USERS && !users.containsKey(username)) {
            makeRoom(now);
        }
        LinkedHashMap<String, Long> clients = users.computeIfAbsent(username, k -> new LinkedHashMap<>());
        synchronized (clients) {
            Long last = clients.get(client);
            if (last != null && now - last < RENEW_NANOS) {
                return;
            }
            clients.remove(client);
            clients.put(client, now);
            dropExpired(clients, now);
            if (clients.size() > PER_USER) {
                Iterator<String> leastRecent = clients.keySet().iterator();
                leastRecent.next();
                leastRecent.remove();
            }
        }
    }

    int users() {
        return users.size();
    }

    int clients(String username) {
        LinkedHashMap<String, Long> clients = users.get(username);
        if (clients == null) {
            return 0;
        }
        synchronized (clients) {
            return clients.size();
        }
    }

    private void dropExpired(LinkedHashMap<String, Long> clients, long now) {
        clients.values().removeIf(last -> now - last >= ttlNanos);
    }

    private synchronized void makeRoom(long now) {
        if (users.size() < MAX_USERS) {
            return;
        }
        users.values().removeIf(clients -> {
            synchronized (clients) {
                dropExpired(clients, now);
                return clients.isEmpty();
            }
        });
        while (users.size() >= MAX_USERS) {
            String leastRecent = null;
            long oldest = Long.MAX_VALUE;
            for (Map.Entry<String, LinkedHashMap<String, Long>> user : users.entrySet()) {
                long newest = newest(user.getValue(), now);
                if (leastRecent == null || newest < oldest) {
                    leastRecent = user.getKey();
                    oldest = newest;
                }
            }
            users.remove(leastRecent);
        }
    }

    /** The time of the user name's most recent login, relative to now (so comparable across nanoTime's wrap). */
    private static long newest(LinkedHashMap<String, Long> clients, long now) {
        synchronized (clients) {
            long newest = Long.MIN_VALUE;
            for (long last : clients.values()) {
                newest = Math.max(newest, last - now);
            }
            return newest;
        }
    }
}
