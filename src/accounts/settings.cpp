// Reads [admin].
#include "accounts/settings.hpp"

#include "core/config.hpp"

namespace rempart::accounts {

AdminSettings read_admin_settings(config::File& file) {
    AdminSettings settings;
    auto admin = file.section("admin");
    admin.duration("session_idle_s", 1, 86400, settings.session_idle);
    admin.duration("session_lifetime_s", 1, 30 * 86400, settings.session_lifetime);
    admin.rate("login_per_ip", settings.login_per_ip.per_minute, settings.login_per_ip.burst);
    admin.rate("login_per_account", settings.login_per_account.per_minute,
               settings.login_per_account.burst);
    admin.integer("login_free_failures", 0, 1000, settings.login_free_failures);
    admin.duration("login_backoff_first_s", 1, 3600, settings.login_backoff_first);
    admin.duration("login_backoff_max_s", 1, 7 * 86400, settings.login_backoff_max);
    admin.integer("login_alert_after", 1, 1'000'000, settings.login_alert_after);
    admin.duration("login_failures_kept_s", 60, 30 * 86400, settings.login_failures_kept);
    admin.integer("password_queue_per_network", 1, 1000, settings.password_queue_per_network);
    admin.integer("password_threads", 1, 8, settings.password_threads);
    admin.integer("password_queue", 1, 1000, settings.password_queue);
    // 8 MiB and one pass at the least: below that a stolen store's hashes fall too fast.
    std::size_t memory_mib = settings.password_cost.memory >> 20;
    admin.integer("password_memory_mib", 8, 4096, memory_mib);
    settings.password_cost.memory = memory_mib << 20;
    admin.integer("password_passes", 1, 10, settings.password_cost.ops);
    if (settings.login_backoff_first > settings.login_backoff_max)
        admin.refuse(
            "login_backoff_first_s is longer than login_backoff_max_s: the first wait would "
            "already pass the cap");
    if (settings.session_idle > settings.session_lifetime)
        admin.refuse(
            "session_idle_s is longer than session_lifetime_s: the idle timeout would never "
            "apply");
    return settings;
}

}  // namespace rempart::accounts
