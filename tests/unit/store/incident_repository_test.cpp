// Tests for incidents in the store: the quarantine they bring, by each kind of key.
#include <gtest/gtest.h>

#include <unistd.h>

#include <filesystem>

#include "store/event_repository.hpp"
#include "store/incident_repository.hpp"
#include "store/migrations.hpp"
#include "store/petition_repository.hpp"
#include "store/signature_repository.hpp"

namespace rempart::store {
namespace {

using signatures::SignatureState;

class IncidentStore : public ::testing::Test {
  protected:
    void SetUp() override {
        char pattern[] = "/tmp/rempart-incident-test.XXXXXX";
        dir_ = ::mkdtemp(pattern);
        auto opened = Database::open(dir_ / "rempart.db", Database::Mode::read_write);
        ASSERT_TRUE(opened.ok());
        db_ = std::move(*opened);
        ASSERT_TRUE(migrate(*db_).ok());
        petition_ = insert_petition(*db_, {"p", "T", "", "Texte", {}, false}, 1)->id;
    }
    void TearDown() override {
        db_.reset();
        std::filesystem::remove_all(dir_);
    }
    // A signature and the event of its attempt, with these keys.
    std::int64_t sign(const std::string& email, const std::string& name_key, std::int64_t asn,
                      std::int64_t at_ms) {
        signatures::NewSignature s;
        s.petition_id = petition_;
        s.name = s.name_normalised = name_key;
        s.email = s.email_canonical = email;
        s.email_domain = "example.org";
        s.language = "fr";
        s.terms_version = s.privacy_version = "v";
        s.ip = "192.0.2.1";
        s.now = at_ms / 1000;
        const auto recorded = record_signature(*db_, s, "h" + email, s.now + 1000, 3600);
        EXPECT_TRUE(recorded.ok());
        signatures::SigningEvent event;
        event.at_ms = at_ms;
        event.petition_id = petition_;
        event.signature_id = recorded->signature_id;
        event.verdict = "accepted";
        event.ip = "192.0.2.1";
        event.network = "net:192.0.2.0/24";
        event.asn = asn;
        event.name_key = name_key;
        EXPECT_TRUE(insert_event(*db_, event).ok());
        return recorded->signature_id;
    }
    std::int64_t in_state(SignatureState state) {
        return count_signatures(*db_, petition_, state);
    }
    NewIncident incident(std::string dimension, std::string value) {
        return {petition_, std::move(dimension), std::move(value), 3, 4, 1, 1000, 5000};
    }

    std::filesystem::path dir_;
    std::unique_ptr<Database> db_;
    std::int64_t petition_ = 0;
};

TEST_F(IncidentStore, QuarantinesTheClustersSignaturesWithinItsWindowOnly) {
    sign("old@x.org", "jeff", 64500, 500);  // before the window: left alone
    sign("a@x.org", "jeff", 64500, 1000);
    sign("b@x.org", "jeff", 64500, 2000);
    ASSERT_TRUE(confirm_signature(*db_, "hb@x.org", 3).ok());
    sign("c@x.org", "marie", 64500, 3000);
    const auto opened = open_incident(*db_, incident("name", "jeff"), 1000);
    ASSERT_TRUE(opened.ok()) << opened.error().detail;
    EXPECT_EQ(opened->quarantined, 2);  // the pending one and the confirmed one
    EXPECT_EQ(in_state(SignatureState::quarantined), 2);
    EXPECT_EQ(in_state(SignatureState::confirmed), 0);
    EXPECT_EQ(in_state(SignatureState::pending), 2);
}

TEST_F(IncidentStore, AnAsIsMatchedByItsNumber) {
    sign("a@x.org", "a", 64500, 1000);
    sign("b@x.org", "b", 64501, 1000);
    const auto opened = open_incident(*db_, incident("as", "as:64500"), 0);
    ASSERT_TRUE(opened.ok());
    EXPECT_EQ(opened->quarantined, 1);
}

TEST_F(IncidentStore, ActionsAreRecordedAndUnknownKeysRefused) {
    const auto opened = open_incident(*db_, incident("name", "nobody"), 0);
    ASSERT_TRUE(opened.ok());
    EXPECT_EQ(opened->quarantined, 0);
    EXPECT_TRUE(record_incident_action(*db_, opened->id, 10, "difficulty_raised", "x", 20).ok());
    EXPECT_EQ(open_incident(*db_, incident("shoe_size", "42"), 0).error().code,
              "incident.unknown_dimension");
}

}  // namespace
}  // namespace rempart::store
