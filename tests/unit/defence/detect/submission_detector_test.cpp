// Tests for the detector as it watches the site's proposals and reports: an hour's window,
// small counts, and the same judgement as signing (a script acts, a crowd is watched).
#include <gtest/gtest.h>

#include "defence/detect/detector.hpp"

namespace rempart::defence::detect {
namespace {

constexpr std::int64_t t = 1'800'000'000'000;

// The `n`th proposal of one title, a minute apart, from one of a few networks or from a
// home of its own.
signatures::SigningEvent proposal(int n, const std::string& title_key, bool script) {
    signatures::SigningEvent event;
    event.kind = signatures::SigningEvent::Kind::proposal;
    event.at_ms = t + n * 60'000;
    event.comment_key = title_key;
    event.name_key = "author" + std::to_string(n);
    event.email_domain = "mail" + std::to_string(n) + ".example";
    event.ip = script ? "203.0." + std::to_string(113 + n % 3) + "." + std::to_string(n)
                      : "81." + std::to_string(n) + ".7.20";
    event.network = script ? "net:203.0." + std::to_string(113 + n % 3) + ".0/24"
                           : "net:81." + std::to_string(n) + ".7.0/24";
    event.user_agent = script ? "python-requests/2.31"
                              : "Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 "
                                "Firefox/128.0";
    return event;
}

std::vector<Finding> feed(Detector& detector, const signatures::SigningEvent& event) {
    const auto config = submission_detector_config();
    auto attempt = attempt_of(event, traits_of(event, config.traits));
    attempt.petition_id = 0;  // one window for the whole site, as the defence keeps it
    return detector.observe(std::move(attempt));
}

TEST(SubmissionDetector, AScriptProposingOneTitleIsActedOnAtItsTenth) {
    Detector detector(submission_detector_config());
    for (int n = 1; n <= 9; ++n)
        EXPECT_TRUE(feed(detector, proposal(n, "parking", true)).empty()) << n;
    const auto findings = feed(detector, proposal(10, "parking", true));
    ASSERT_FALSE(findings.empty());
    bool on_title = false;
    for (const auto& finding : findings) {
        EXPECT_TRUE(finding.judgement.act);
        on_title = on_title || finding.cluster.dimension == Dimension::comment;
    }
    EXPECT_TRUE(on_title);
}

TEST(SubmissionDetector, ACrowdProposingTheTitleTheNewsSpokeOfIsOnlyWatched) {
    Detector detector(submission_detector_config());
    bool watched = false;
    for (int n = 1; n <= 40; ++n)
        for (const auto& finding : feed(detector, proposal(n, "piscine", false))) {
            EXPECT_FALSE(finding.judgement.act) << n;
            watched = watched || finding.cluster.dimension == Dimension::comment;
        }
    EXPECT_TRUE(watched);
}

TEST(SubmissionDetector, TheWindowIsAnHourSoASlowScriptStaysUnderTheCount) {
    Detector detector(submission_detector_config());
    // Under ten an hour, for five hours: never ten in one window.
    for (int n = 0; n < 45; ++n) {
        auto event = proposal(n, "parking", true);
        event.at_ms = t + static_cast<std::int64_t>(n) * 410'000;  // under ten an hour
        for (const auto& finding : feed(detector, event))
            EXPECT_NE(finding.cluster.dimension, Dimension::comment) << n;
    }
}

}  // namespace
}  // namespace rempart::defence::detect
