package se.creativenorrbotten.directory.partner;

/** A partner key was created or changed: once the transaction commits, this instance re-reads the keys. */
record PartnerKeysChanged() {
}
