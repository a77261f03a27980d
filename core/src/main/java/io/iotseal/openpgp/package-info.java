/**
 * OpenPGP building blocks (issue 17, ADR 0098), on BouncyCastle's lightweight API: the registry's signing
 * key ({@link io.iotseal.openpgp.OpenPgpKeyPair}: Ed25519 for signatures, an X25519 subkey for encryption,
 * both version 4 keys that GnuPG 2.2 reads), detached and cleartext signatures, and a public key read from
 * its armored text ({@link io.iotseal.openpgp.OpenPgpPublicKey}) to verify signatures and to encrypt a
 * message to it. Framework-free; every failure is an {@link io.iotseal.openpgp.OpenPgpException} with a
 * reason a caller can show.
 */
package io.iotseal.openpgp;
