// Tests for the outbox worker: sends due mail, retries with backoff, gives up, loses nothing.
#include <gtest/gtest.h>

#include <unistd.h>

#include <mutex>

#include "mail/errors.hpp"
#include "mail/outbox.hpp"
#include "store/outbox_repository.hpp"
#include "store/petition_repository.hpp"
#include "store/signature_repository.hpp"

namespace rempart::mail {
namespace {

// A mail server as the outbox sees it: refuses the first `refusals` sends with `error`.
class ScriptedServer : public Transport {
  public:
    Result<void> send(const Envelope& envelope, std::string_view message) override {
        std::lock_guard lock(mutex_);
        ++attempts;
        if (refusals > 0) {
            --refusals;
            return make_error(error_code, "451 try later");
        }
        delivered.push_back(envelope.to + "|" + std::string(message));
        return {};
    }
    std::mutex mutex_;
    int attempts = 0;
    int refusals = 0;
    MailError error_code = MailError::transient;
    std::vector<std::string> delivered;
};

class OutboxTest : public ::testing::Test {
  protected:
    void SetUp() override {
        char pattern[] = "/tmp/rempart-outbox-test.XXXXXX";
        dir_ = ::mkdtemp(pattern);
        store::StorageSettings config;
        config.data_dir = dir_;
        auto opened = store::open_store(config, 1);
        ASSERT_TRUE(opened.ok()) << opened.error().detail;
        store_ = std::move(*opened);
    }
    void TearDown() override {
        store_->close();
        std::filesystem::remove_all(dir_);
    }
    void queue(const std::string& to, std::int64_t at) {
        auto queued = store_->writer().write_now<std::int64_t>([&](store::Database& db) {
            return store::enqueue_mail(db, "confirmation", "from@example.org", to, "body", at);
        });
        ASSERT_TRUE(queued.ok());
    }
    store::OutboxCounts counts() {
        return store_->readers().read_now<store::OutboxCounts>(
            [](store::Database& db) { return store::count_mails(db); });
    }

    // What a confirmation queued as its parts becomes, written so a test can read its parts.
    Outbox::Composer compose_ = [](const store::OutboxMail& mail) {
        const auto& parts = *mail.confirmation;
        return parts.signer_name + "|" + parts.language + "|" + parts.petition_title + "|" +
               parts.link_token;
    };
    std::filesystem::path dir_;
    std::unique_ptr<store::Store> store_;
    std::int64_t now_ = 1000;
};

TEST_F(OutboxTest, SendsWhatIsDueAndMarksItSent) {
    ScriptedServer server;
    Outbox outbox(*store_, server, compose_, {}, [this] { return now_; });
    queue("a@example.org", 1000);
    queue("b@example.org", 1000);
    EXPECT_EQ(outbox.send_due(), 2u);
    EXPECT_EQ(server.delivered,
              (std::vector<std::string>{"a@example.org|body", "b@example.org|body"}));
    EXPECT_EQ(counts().sent, 2);
    EXPECT_EQ(outbox.send_due(), 0u);  // nothing is sent twice
}

TEST_F(OutboxTest, AConfirmationIsComposedFromItsPartsAsItLeavesAndItsTokenThenForgotten) {
    ScriptedServer server;
    Outbox outbox(*store_, server, compose_, {}, [this] { return now_; });
    auto queued = store_->writer().write_now<std::int64_t>([](store::Database& db) {
        auto petition =
            store::insert_petition(db, {"velo", "Vélo pour tous", "", "T", {}, false}, 1);
        if (!petition) return Result<std::int64_t>(petition.error());
        signatures::NewSignature signature;
        signature.petition_id = petition->id;
        signature.name = signature.name_normalised = "Marie Curie";
        signature.email = signature.email_canonical = "marie@example.org";
        signature.email_domain = "example.org";
        signature.language = "en";
        signature.terms_version = signature.privacy_version = "v1";
        signature.ip = "192.0.2.1";
        signature.now = 1000;
        auto recorded = store::record_signature(db, signature, "hash", 5000, 3600);
        if (!recorded) return Result<std::int64_t>(recorded.error());
        return store::enqueue_confirmation(db, "from@example.org", "marie@example.org",
                                           recorded->signature_id, "token-in-clear", 1000);
    });
    ASSERT_TRUE(queued.ok()) << queued.error().detail;
    EXPECT_EQ(outbox.send_due(), 1u);
    EXPECT_EQ(server.delivered,
              (std::vector<std::string>{
                  "marie@example.org|Marie Curie|en|Vélo pour tous|token-in-clear"}));
    const auto left = store_->readers().read_now<std::string>([](store::Database& db) {
        auto& row = db.prepare("SELECT ifnull(link_token, 'NULL') || '/' || message FROM outbox");
        std::string text = row.step() ? row.column_text(0) : "none";
        row.reset();
        return text;
    });
    EXPECT_EQ(left, "NULL/");  // sent: nothing of the link is kept
}

TEST_F(OutboxTest, APassTakesOneBatchAndTheNextTakesTheRest) {
    ScriptedServer server;
    OutboxOptions options;
    options.batch = 5;
    Outbox outbox(*store_, server, compose_, options, [this] { return now_; });
    for (int i = 0; i < 7; ++i) queue("m" + std::to_string(i) + "@example.org", 1000);
    EXPECT_EQ(outbox.send_due(), 5u);
    EXPECT_EQ(outbox.send_due(), 2u);
    EXPECT_EQ(server.delivered.size(), 7u);
    EXPECT_EQ(counts().sent, 7);
}

TEST_F(OutboxTest, ATransientFailureWaitsLongerEachTime) {
    ScriptedServer server;
    server.refusals = 2;
    OutboxOptions options;
    options.first_retry = std::chrono::seconds(30);
    Outbox outbox(*store_, server, compose_, options, [this] { return now_; });
    queue("a@example.org", 1000);
    EXPECT_EQ(outbox.send_due(), 1u);  // refused: next try at 1030
    now_ = 1029;
    EXPECT_EQ(outbox.send_due(), 0u);
    now_ = 1030;
    EXPECT_EQ(outbox.send_due(), 1u);  // refused again: next at 1090
    now_ = 1089;
    EXPECT_EQ(outbox.send_due(), 0u);
    now_ = 1090;
    EXPECT_EQ(outbox.send_due(), 1u);
    EXPECT_EQ(server.delivered.size(), 1u);
    EXPECT_EQ(counts().sent, 1);
    EXPECT_EQ(outbox.stats().deferred.load(), 2u);
}

TEST_F(OutboxTest, BackoffIsBounded) {
    OutboxOptions options;
    EXPECT_EQ(retry_delay(options, 1), std::chrono::seconds(30));
    EXPECT_EQ(retry_delay(options, 2), std::chrono::seconds(60));
    EXPECT_EQ(retry_delay(options, 3), std::chrono::seconds(120));
    EXPECT_EQ(retry_delay(options, 50), options.longest_retry);
}

TEST_F(OutboxTest, APermanentRefusalIsGivenUpAndKept) {
    ScriptedServer server;
    server.refusals = 1;
    server.error_code = MailError::permanent;
    Outbox outbox(*store_, server, compose_, {}, [this] { return now_; });
    queue("nobody@example.org", 1000);
    EXPECT_EQ(outbox.send_due(), 1u);
    now_ = 100000;
    EXPECT_EQ(outbox.send_due(), 0u);
    EXPECT_EQ(counts().failed, 1);
    EXPECT_TRUE(server.delivered.empty());
}

TEST_F(OutboxTest, AMailTooOldForItsPurposeIsGivenUp) {
    ScriptedServer server;
    server.refusals = 1000;
    Outbox outbox(*store_, server, compose_, {}, [this] { return now_; });
    queue("a@example.org", 1000);
    now_ = 1000 + 48 * 3600;
    EXPECT_EQ(outbox.send_due(), 1u);
    EXPECT_EQ(counts().failed, 1);
}

TEST_F(OutboxTest, TheWorkerSendsOnNoticeAndMailQueuedBeforeAStopWaitsForTheNextStart) {
    ScriptedServer server;
    {
        Outbox outbox(*store_, server, compose_);
        outbox.start();
        queue("a@example.org", 0);
        outbox.notify();
        for (int i = 0; i < 200 && counts().sent < 1; ++i)
            std::this_thread::sleep_for(std::chrono::milliseconds(10));
        EXPECT_EQ(counts().sent, 1);
        outbox.stop();
    }
    queue("b@example.org", 0);  // queued while nothing runs
    EXPECT_EQ(counts().queued, 1);
    Outbox again(*store_, server, compose_);
    again.start();
    for (int i = 0; i < 300 && counts().sent < 2; ++i)
        std::this_thread::sleep_for(std::chrono::milliseconds(10));
    EXPECT_EQ(counts().sent, 2);
}

}  // namespace
}  // namespace rempart::mail
