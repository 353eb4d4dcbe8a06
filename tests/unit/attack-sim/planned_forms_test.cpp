// Every attempt a scenario plans is a form the server's checks accept: a refusal in a replay
// is then the defence's doing, never a malformed name, address or postcode.
#include <gtest/gtest.h>

#include "attack-sim/scenarios.hpp"
#include "signatures/signing_form.hpp"

namespace rempart::attack {
namespace {

TEST(PlannedForms, EveryPlannedFormPassesTheServersFieldChecks) {
    ScenarioOptions options;
    options.duration_s = 120;
    for (const auto scenario : every_scenario()) {
        const auto plan = make_plan(scenario, options);
        EXPECT_FALSE(plan.attempts.empty()) << to_string(scenario);
        for (const auto& attempt : plan.attempts) {
            std::vector<std::pair<std::string, std::string>> fields{
                {"name", attempt.name},         {"email", attempt.email},
                {"postcode", attempt.postcode}, {"comment", attempt.comment},
                {"accept_terms", "1"},          {"altcha", "solved"}};
            const auto checked =
                signatures::check_signing_form(signatures::read_signing_form(fields), false);
            ASSERT_TRUE(checked.errors.empty())
                << to_string(scenario) << ": " << checked.errors.front().field << " "
                << checked.errors.front().message << " in " << attempt.name << ", " << attempt.email
                << ", " << attempt.postcode;
        }
    }
}

}  // namespace
}  // namespace rempart::attack
