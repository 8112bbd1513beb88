// @ts-check
"use strict"
// Local stand-ins for the delivery providers, loadable without a build step by jest (TypeScript
// through swc) and by `node demo/run.mjs` alike.
const { selfSignedCertificate } = require("./self-signed-certificate")
const { startSendGridServer } = require("./sendgrid-server")
const { startSesServer } = require("./ses-server")
const { signSnsMessage, startSnsServer } = require("./sns-server")
const { startSmtpSink } = require("./smtp-sink")
const { startTwilioServer } = require("./twilio-server")
const { startWebInbox } = require("./web-inbox")

module.exports = {
  selfSignedCertificate,
  signSnsMessage,
  startSendGridServer,
  startSesServer,
  startSmtpSink,
  startSnsServer,
  startTwilioServer,
  startWebInbox,
}
