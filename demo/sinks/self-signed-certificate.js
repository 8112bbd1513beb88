// @ts-check
"use strict"
// A self-signed X.509 certificate for an RSA key, written in DER by hand: Node can verify with a
// certificate but cannot make one, and the stand-ins must not depend on an openssl binary.
const { sign } = require("node:crypto")

/** @param {number} length */
function derLength(length) {
  if (length < 0x80) return Buffer.from([length])
  const bytes = []
  for (let rest = length; rest > 0; rest >>= 8) bytes.unshift(rest & 0xff)
  return Buffer.from([0x80 | bytes.length, ...bytes])
}

/** @param {number} tag @param {Buffer[]} contents */
const der = (tag, ...contents) => {
  const body = Buffer.concat(contents)
  return Buffer.concat([Buffer.from([tag]), derLength(body.length), body])
}

const sequence = (/** @type {Buffer[]} */ ...items) => der(0x30, ...items)
const SHA256_WITH_RSA = sequence(Buffer.from("06092a864886f70d01010b", "hex"), Buffer.from("0500", "hex"))
const COMMON_NAME = Buffer.from("0603550403", "hex")

/** @param {string} commonName */
const name = (commonName) => sequence(der(0x31, sequence(COMMON_NAME, der(0x0c, Buffer.from(commonName)))))

/** UTCTime (YYMMDDHHMMSSZ), which X.509 uses for dates up to 2049. @param {Date} date */
const utcTime = (date) => der(0x17, Buffer.from(date.toISOString().replace(/[-:T]/g, "").slice(2, 14) + "Z"))

/**
 * @param {{ publicKey: import("node:crypto").KeyObject, privateKey: import("node:crypto").KeyObject,
 *   commonName?: string, notBefore?: Date, notAfter?: Date }} options
 * @returns {string} the certificate, PEM
 */
function selfSignedCertificate({
  publicKey,
  privateKey,
  commonName = "sns.amazonaws.com",
  notBefore = new Date(Date.now() - 86_400_000),
  notAfter = new Date(Date.now() + 365 * 86_400_000),
}) {
  const tbs = sequence(
    der(0xa0, der(0x02, Buffer.from([2]))), // version 3
    der(0x02, Buffer.from([1])), // serial number
    SHA256_WITH_RSA,
    name(commonName),
    sequence(utcTime(notBefore), utcTime(notAfter)),
    name(commonName),
    publicKey.export({ type: "spki", format: "der" })
  )
  const signature = sign("sha256", tbs, privateKey)
  const certificate = sequence(tbs, SHA256_WITH_RSA, der(0x03, Buffer.from([0]), signature))
  const base64 = certificate.toString("base64").replace(/.{1,64}/g, "$&\n")
  return `-----BEGIN CERTIFICATE-----\n${base64}-----END CERTIFICATE-----\n`
}

module.exports = { selfSignedCertificate }
