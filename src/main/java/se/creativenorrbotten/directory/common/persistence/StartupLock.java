package se.creativenorrbotten.directory.common.persistence;

import jakarta.persistence.EntityManager;

/**
 * Serialises the start-up work of instances that start at the same moment on one database (seeding the first admin,
 * the demo members): the caller's transaction locks the database's identity row ({@code directory_instance}, one
 * row, made by the migrations) until it ends, so a second instance waits, then sees what the first one wrote.
 * Flyway serialises the migrations themselves.
 */
public final class StartupLock {

    private StartupLock() {
    }

    /** Takes the lock in the current transaction; it is held until the transaction commits or rolls back. */
    public static void take(EntityManager entityManager) {
        entityManager.createNativeQuery("SELECT id FROM directory_instance FOR UPDATE").getResultList();
    }
}
