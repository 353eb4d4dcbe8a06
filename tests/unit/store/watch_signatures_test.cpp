// Tests for store/watch_signatures: the signatures a moderator sees behind a watch, found
// by the watched value in the attempts since the watch's first one.
#include "store/watch_signatures.hpp"

#include <gtest/gtest.h>

#include "store/event_repository.hpp"
#include "store/petition_repository.hpp"
#include "store/signature_repository.hpp"
#include "store_fixture.hpp"

namespace rempart::store {
namespace {

class WatchSignaturesStore : public testing::TempStore {
  protected:
    void SetUp() override {
        TempStore::SetUp();
        if (HasFatalFailure()) return;
        petition_ = insert_petition(*db_, {"p", "T", "", "Texte", {}, false}, 1)->id;
        other_ = insert_petition(*db_, {"q", "U", "", "Texte", {}, false}, 1)->id;
    }
    // A signature with its comment as typed, and its attempt's keys.
    void sign(std::int64_t petition, const std::string& email, const std::string& comment,
              std::int64_t asn, std::int64_t at_ms, const std::string& postcode = "") {
        signatures::NewSignature s;
        s.petition_id = petition;
        s.name = s.name_normalised = "Nom " + email;
        s.email = s.email_canonical = email;
        s.email_domain = email.substr(email.find('@') + 1);
        s.comment = comment;
        if (!postcode.empty()) s.postcode = postcode;
        s.language = "fr";
        s.terms_version = s.privacy_version = "v";
        s.ip = "192.0.2.1";
        s.now = at_ms / 1000;
        const auto recorded = record_signature(*db_, s, "h" + email, s.now + 1000, 3600);
        ASSERT_TRUE(recorded.ok());
        signatures::SigningEvent event;
        event.at_ms = at_ms;
        event.petition_id = petition;
        event.signature_id = recorded->signature_id;
        event.verdict = "accepted";
        event.ip = "192.0.2.1";
        event.network = "net:192.0.2.0/24";
        event.asn = asn;
        event.email_domain = s.email_domain;
        event.comment_key = "key:" + comment;
        ASSERT_TRUE(insert_event(*db_, event).ok());
    }
    // One dimension no version knows ("shoe_size") stays outside the enum.
    defence::Watch watch(std::string_view dimension, std::string value, std::int64_t first_ms) {
        defence::Watch w;
        w.petition_id = petition_;
        w.dimension = defence::parse_dimension(dimension).value_or(
            static_cast<defence::Dimension>(defence::dimension_count));
        w.key_value = std::move(value);
        w.first_attempt_ms = first_ms;
        return w;
    }

    std::int64_t petition_ = 0;
    std::int64_t other_ = 0;
};

TEST_F(WatchSignaturesStore, TheSignersOfTheWatchedCommentSinceItsFirstAttemptAreShown) {
    sign(petition_, "early@a.org", "Sauvons le bocage", 64500, 500);  // before the watch
    sign(petition_, "a@a.org", "Sauvons le bocage", 64500, 1000, "44000");
    sign(petition_, "b@b.org", "Sauvons le bocage", 64501, 2000);
    sign(petition_, "c@c.org", "autre chose", 64500, 3000);
    sign(other_, "d@d.org", "Sauvons le bocage", 64500, 4000);  // another petition
    const auto found = watch_signatures(*db_, watch("comment", "key:Sauvons le bocage", 1000), 50);
    EXPECT_EQ(found.total, 2);
    ASSERT_EQ(found.samples.size(), 2u);
    EXPECT_EQ(found.samples[0].email_domain, "a.org");
    EXPECT_EQ(found.samples[0].comment, "Sauvons le bocage");
    EXPECT_EQ(found.samples[0].postcode, "44000");
    EXPECT_EQ(found.samples[0].state, "pending");
    EXPECT_EQ(found.samples[1].email_domain, "b.org");
    EXPECT_EQ(found.samples[1].postcode, "");
}

TEST_F(WatchSignaturesStore, AtMostTheLimitIsShownButAllAreCounted) {
    for (int i = 0; i < 5; ++i)
        sign(petition_, "s" + std::to_string(i) + "@a.org", "pareil", 64500, 1000 + i);
    const auto found = watch_signatures(*db_, watch("comment", "key:pareil", 0), 3);
    EXPECT_EQ(found.total, 5);
    EXPECT_EQ(found.samples.size(), 3u);
}

TEST_F(WatchSignaturesStore, AnAsIsFoundByItsNumberAndADomainAsWritten) {
    sign(petition_, "a@campus.fr", "x", 64500, 1000);
    sign(petition_, "b@campus.fr", "y", 64501, 1000);
    EXPECT_EQ(watch_signatures(*db_, watch("as", "as:64501", 0), 50).total, 1);
    EXPECT_EQ(watch_signatures(*db_, watch("email_domain", "campus.fr", 0), 50).total, 2);
    EXPECT_EQ(watch_signatures(*db_, watch("shoe_size", "42", 0), 50).total, 0);
}

}  // namespace
}  // namespace rempart::store
