// Tests for the SMTP transport against a real SMTP server (aiosmtpd) on loopback.
#include <gtest/gtest.h>

#include <unistd.h>

#include "mail/errors.hpp"
#include "mail/smtp.hpp"
#include "support/server_process.hpp"
#include "support/smtp_sink.hpp"

namespace rempart::mail {
namespace {

using testing::SmtpSink;
using testing::SmtpSinkOptions;

const std::string message =
    "From: a@example.org\r\nTo: b@example.org\r\nSubject: Essai\r\n\r\nBonjour =C3=A9\r\n"
    ".line starting with a dot\r\n";

SmtpOptions options_for(const SmtpSink& sink) {
    SmtpOptions options;
    options.url = sink.url();
    options.timeout = std::chrono::seconds(10);
    return options;
}

TEST(Smtp, DeliversTheMessageAsIs) {
    SmtpSink sink;
    ASSERT_NE(sink.port(), 0);
    SmtpTransport smtp(options_for(sink));
    const auto sent = smtp.send({"a@example.org", "b@example.org"}, message);
    ASSERT_TRUE(sent.ok()) << sent.error().detail;
    ASSERT_TRUE(smtp.send({"a@example.org", "c@example.org"}, message).ok());
    const auto mails = sink.wait_for(2);
    ASSERT_EQ(mails.size(), 2u);
    EXPECT_EQ(mails[0].message, message);
    EXPECT_NE(mails[0].envelope.find("\"mail_from\": \"a@example.org\""), std::string::npos);
    EXPECT_NE(mails[1].envelope.find("c@example.org"), std::string::npos);
    // One client port for both: the second message went over the first one's connection.
    const auto peer_port = [](const std::string& envelope) {
        return envelope.substr(envelope.find("\"peer_port\""));
    };
    EXPECT_EQ(peer_port(mails[0].envelope), peer_port(mails[1].envelope));
}

TEST(Smtp, ALineBreakInAnEnvelopeAddressIsRefusedBeforeTheServerSeesIt) {
    SmtpSink sink;
    ASSERT_NE(sink.port(), 0);
    SmtpTransport smtp(options_for(sink));
    const auto refused =
        smtp.send({"a@example.org", "b@example.org>\r\nRCPT TO:<evil@example.net"}, message);
    ASSERT_FALSE(refused.ok());
    EXPECT_EQ(refused.error().code, MailError::permanent);
    ASSERT_TRUE(smtp.send({"a@example.org", "b@example.org"}, message).ok());
    const auto mails = sink.wait_for(1);
    ASSERT_EQ(mails.size(), 1u);
    EXPECT_EQ(mails[0].envelope.find("evil"), std::string::npos) << mails[0].envelope;
}

TEST(Smtp, UsesStartTlsWhenOffered) {
    char pattern[] = "/tmp/rempart-smtp-tls.XXXXXX";
    const std::filesystem::path dir = ::mkdtemp(pattern);
    const auto [cert, key] = testing::make_test_certificate(dir);
    ASSERT_FALSE(cert.empty());
    SmtpSink sink({cert, key});
    ASSERT_NE(sink.port(), 0);
    auto options = options_for(sink);
    options.verify_peer = false;  // self-signed for the test
    SmtpTransport smtp(options);
    const auto sent = smtp.send({"a@example.org", "b@example.org"}, message);
    ASSERT_TRUE(sent.ok()) << sent.error().detail;
    const auto mails = sink.wait_for(1);
    ASSERT_EQ(mails.size(), 1u);
    EXPECT_NE(mails[0].envelope.find("\"tls\": true"), std::string::npos) << mails[0].envelope;
    // Checked for real, the self-signed certificate is refused, and the outbox tries again.
    options.verify_peer = true;
    SmtpTransport strict(options);
    const auto refused = strict.send({"a@example.org", "b@example.org"}, message);
    ASSERT_FALSE(refused.ok());
    EXPECT_EQ(refused.error().code, MailError::transient) << refused.error().detail;
    std::filesystem::remove_all(dir);
}

TEST(Smtp, AuthenticatesOverTlsOnlyAndAWrongPasswordWaitsForItsFix) {
    char pattern[] = "/tmp/rempart-smtp-auth.XXXXXX";
    const std::filesystem::path dir = ::mkdtemp(pattern);
    const auto [cert, key] = testing::make_test_certificate(dir);
    ASSERT_FALSE(cert.empty());
    SmtpSinkOptions sink_options{cert, key, "rempart", "s3cret"};
    SmtpSink sink(sink_options);
    ASSERT_NE(sink.port(), 0);
    auto options = options_for(sink);
    options.username = "rempart";
    options.password = "s3cret";
    options.verify_peer = false;  // self-signed for the test
    SmtpTransport smtp(options);
    const auto sent = smtp.send({"a@example.org", "b@example.org"}, message);
    ASSERT_TRUE(sent.ok()) << sent.error().detail;
    const auto envelope = sink.wait_for(1)[0].envelope;
    EXPECT_NE(envelope.find("\"auth\": true"), std::string::npos);
    EXPECT_NE(envelope.find("\"tls\": true"), std::string::npos);
    options.password = "wrong";
    SmtpTransport bad(options);
    const auto refused = bad.send({"a@example.org", "b@example.org"}, message);
    ASSERT_FALSE(refused.ok());
    EXPECT_EQ(refused.error().code, MailError::transient) << refused.error().detail;
    std::filesystem::remove_all(dir);
}

TEST(Smtp, APasswordIsNeverSentWithoutTls) {
    SmtpSinkOptions sink_options;  // offers no STARTTLS
    sink_options.username = "rempart";
    sink_options.password = "s3cret";
    SmtpSink sink(sink_options);
    ASSERT_NE(sink.port(), 0);
    auto options = options_for(sink);
    options.username = "rempart";
    options.password = "s3cret";
    SmtpTransport smtp(options);
    const auto refused = smtp.send({"a@example.org", "b@example.org"}, message);
    ASSERT_FALSE(refused.ok());
    EXPECT_TRUE(sink.wait_for(1, std::chrono::milliseconds(300)).empty());
}

TEST(Smtp, A451IsTransientAndTheNextTryGoesThrough) {
    SmtpSinkOptions sink_options;
    sink_options.fail_first = 1;
    SmtpSink sink(sink_options);
    ASSERT_NE(sink.port(), 0);
    SmtpTransport smtp(options_for(sink));
    const auto first = smtp.send({"a@example.org", "b@example.org"}, message);
    ASSERT_FALSE(first.ok());
    EXPECT_EQ(first.error().code, MailError::transient);
    EXPECT_NE(first.error().detail.find("451"), std::string::npos) << first.error().detail;
    EXPECT_TRUE(smtp.send({"a@example.org", "b@example.org"}, message).ok());
}

TEST(Smtp, AnUnknownMailboxIsPermanent) {
    SmtpSink sink;
    ASSERT_NE(sink.port(), 0);
    SmtpTransport smtp(options_for(sink));
    const auto refused = smtp.send({"a@example.org", "nobody@example.org"}, message);
    ASSERT_FALSE(refused.ok());
    EXPECT_EQ(refused.error().code, MailError::permanent);
    EXPECT_NE(refused.error().detail.find("550"), std::string::npos) << refused.error().detail;
}

TEST(Smtp, NobodyListeningIsTransient) {
    SmtpOptions options;
    options.url = "smtp://127.0.0.1:" + std::to_string(testing::free_loopback_port());
    options.timeout = std::chrono::seconds(5);
    SmtpTransport smtp(options);
    const auto started = std::chrono::steady_clock::now();
    const auto refused = smtp.send({"a@example.org", "b@example.org"}, message);
    ASSERT_FALSE(refused.ok());
    EXPECT_EQ(refused.error().code, MailError::transient);
    EXPECT_LT(std::chrono::steady_clock::now() - started,
              std::chrono::seconds(2));  // refused, not timed out
}

}  // namespace
}  // namespace rempart::mail
