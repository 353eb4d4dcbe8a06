// Reads [detect]: the detector's keys through defence/detect/settings, the defence's own here.
#include "defence/response/settings.hpp"

#include "core/config.hpp"
#include "defence/detect/settings.hpp"

namespace rempart::defence {

DefenceOptions read_defence_options(config::File& file) {
    DefenceOptions options;
    options.detector = detect::read_detector_config(file);
    auto detect = file.section("detect");
    detect.duration("hold_seconds", 1, 30 * 86400, options.hold);
    detect.integer("raised_difficulty", 1, 100'000'000, options.raised_difficulty);
    auto& bans = options.bans;
    detect.integer("ban_network_min_attempts", 1, 1'000'000, bans.network_min_attempts);
    detect.share("ban_network_min_share", bans.network_min_share);
    detect.integer("ban_max_networks", 1, 100'000, bans.max_networks);
    detect.integer("ban_as_min_attempts", 1, 1'000'000, bans.as_min_attempts);
    detect.share("ban_as_min_share", bans.as_min_share);
    // Left empty, the defence fills it with the eyeball networks, as configured.
    detect.integers("never_ban", 1, 4'294'967'295, "AS numbers such as [3215, 12322]",
                    bans.never_ban);
    detect.duration("ban_seconds", 1, 30 * 86400, bans.duration);
    return options;
}

}  // namespace rempart::defence
