// Tests for the mail domain check against a real DNS server (dnsmasq) on loopback.
#include <gtest/gtest.h>

#include <atomic>
#include <future>

#include "dns/errors.hpp"
#include "dns/mail_domain_checker.hpp"
#include "support/dns_server.hpp"

namespace rempart::dns {
namespace {

using testing::DnsServer;
using testing::SilentDnsServer;

std::unique_ptr<MailDomainChecker> checker_for(const std::string& server,
                                               std::chrono::milliseconds timeout =
                                                   std::chrono::milliseconds(1000)) {
    MailDomainChecker::Options options;
    options.servers = {server};
    options.timeout = timeout;
    auto checker = MailDomainChecker::start(options);
    EXPECT_TRUE(checker.ok()) << checker.error().detail;
    return std::move(*checker);
}

MailDomainAnswer check(MailDomainChecker& checker, const std::string& domain) {
    std::promise<MailDomainAnswer> promise;
    auto future = promise.get_future();
    checker.check(domain, [&promise](MailDomainAnswer answer) { promise.set_value(answer); });
    if (future.wait_for(std::chrono::seconds(20)) != std::future_status::ready)
        return {MailDomainStatus::unknown, "the test gave up waiting"};
    return future.get();
}

class MailDomains : public ::testing::Test {
  protected:
    void SetUp() override {
        ASSERT_NE(dns_.port(), 0) << "dnsmasq did not start";
        checker_ = checker_for(dns_.address());
    }
    DnsServer dns_;
    std::unique_ptr<MailDomainChecker> checker_;
};

TEST_F(MailDomains, ADomainWithAnMxTakesMail) {
    const auto answer = check(*checker_, "has-mx.test");
    EXPECT_EQ(answer.status, MailDomainStatus::accepts_mail) << answer.detail;
    EXPECT_EQ(answer.detail, "MX mx.has-mx.test");
}

TEST_F(MailDomains, AnAddressStandsInForAMissingMx) {
    EXPECT_EQ(check(*checker_, "a-only.test").status, MailDomainStatus::accepts_mail);
    EXPECT_EQ(check(*checker_, "v6-only.test").status, MailDomainStatus::accepts_mail);
}

TEST_F(MailDomains, NoMxNoAddressNullMxAndNxdomainTakeNoMail) {
    const auto none = check(*checker_, "no-records.test");
    EXPECT_EQ(none.status, MailDomainStatus::no_mail) << none.detail;
    const auto null_mx = check(*checker_, "null-mx.test");
    EXPECT_EQ(null_mx.status, MailDomainStatus::no_mail) << null_mx.detail;
    EXPECT_EQ(null_mx.detail, "null MX");
    const auto nx = check(*checker_, "nothing-here.test");
    EXPECT_EQ(nx.status, MailDomainStatus::no_mail) << nx.detail;
    EXPECT_EQ(nx.detail, "NXDOMAIN");
}

TEST_F(MailDomains, ARefusingServerGivesUnknown) {
    // Outside .test the fixture server has nobody to ask and refuses.
    EXPECT_EQ(check(*checker_, "example.org").status, MailDomainStatus::unknown);
}

TEST_F(MailDomains, TheSecondCheckComesFromTheCache) {
    EXPECT_FALSE(check(*checker_, "has-mx.test").from_cache);
    const auto sent = checker_->queries_sent();
    const auto again = check(*checker_, "has-mx.test");
    EXPECT_TRUE(again.from_cache);
    EXPECT_EQ(again.status, MailDomainStatus::accepts_mail);
    EXPECT_EQ(checker_->queries_sent(), sent);
}

TEST_F(MailDomains, ConcurrentChecksAreEachAnsweredOnceAndShareQueries) {
    constexpr int count = 60;
    std::atomic<int> answered{0};
    std::atomic<int> accepted{0};
    std::promise<void> all;
    const char* domains[] = {"has-mx.test", "a-only.test", "null-mx.test"};
    for (int i = 0; i < count; ++i)
        checker_->check(domains[i % 3], [&](MailDomainAnswer answer) {
            accepted += answer.status == MailDomainStatus::accepts_mail;
            if (++answered == count) all.set_value();
        });
    ASSERT_EQ(all.get_future().wait_for(std::chrono::seconds(20)), std::future_status::ready);
    EXPECT_EQ(answered.load(), count);
    EXPECT_EQ(accepted.load(), 40);
    // has-mx: one MX query; a-only: MX then A; null-mx: one MX query.
    EXPECT_LE(checker_->queries_sent(), 4u);
}

TEST(MailDomainsDown, ASilentServerGivesUnknownInBoundedTime) {
    SilentDnsServer silent;
    auto checker = checker_for(silent.address(), std::chrono::milliseconds(200));
    const auto started = std::chrono::steady_clock::now();
    const auto answer = check(*checker, "has-mx.test");
    const auto took = std::chrono::steady_clock::now() - started;
    EXPECT_EQ(answer.status, MailDomainStatus::unknown);
    EXPECT_LT(took, std::chrono::seconds(10));
}

TEST(MailDomainsDown, PendingChecksAreAnsweredWhenTheCheckerStops) {
    SilentDnsServer silent;
    std::promise<MailDomainAnswer> promise;
    auto future = promise.get_future();
    {
        auto checker = checker_for(silent.address(), std::chrono::milliseconds(5000));
        checker->check("has-mx.test", [&](MailDomainAnswer answer) { promise.set_value(answer); });
    }
    ASSERT_EQ(future.wait_for(std::chrono::seconds(5)), std::future_status::ready);
    EXPECT_EQ(future.get().status, MailDomainStatus::unknown);
}

TEST(MailDomainsSetup, ABadServerIsRefusedAtStart) {
    for (const char* server : {"not a server", "127.0.0.1:99999", ":0", "", "localhost:53",
                               "127.0.0.1:", "[::1", "[::1]x"}) {
        MailDomainChecker::Options options;
        options.servers = {server};
        const auto checker = MailDomainChecker::start(options);
        ASSERT_FALSE(checker.ok()) << server;
        EXPECT_EQ(checker.error().code, DnsError::init);
        EXPECT_NE(checker.error().detail.find(std::string("\"") + server + "\""), std::string::npos)
            << checker.error().detail;
    }
    for (const char* server : {"127.0.0.1", "127.0.0.1:5353", "::1", "[::1]:53"}) {
        MailDomainChecker::Options options;
        options.servers = {server};
        EXPECT_TRUE(MailDomainChecker::start(options).ok()) << server;
    }
}

TEST(MailDomainsDown, ACheckMadeFromAnAnswerWhileStoppingDoesNotHang) {
    SilentDnsServer silent;
    std::promise<void> retried;
    {
        auto checker = checker_for(silent.address(), std::chrono::milliseconds(5000));
        auto* raw = checker.get();
        // A caller that tries again on "unknown", as a retrying client might.
        checker->check("has-mx.test", [raw, &retried](MailDomainAnswer) {
            raw->check("has-mx.test", [&retried](MailDomainAnswer) { retried.set_value(); });
        });
    }
    EXPECT_EQ(retried.get_future().wait_for(std::chrono::seconds(5)), std::future_status::ready);
}

}  // namespace
}  // namespace rempart::dns
