// The under-attack gate seen from the web: its page, and the routes that let a visitor
// through (GET /gate/challenge, POST /gate/pass, GET /gate/wait).
#pragma once

#include <array>
#include <atomic>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "http/router.hpp"
#include "shield/clearance.hpp"
#include "shield/front_door.hpp"
#include "shield/proof_of_work.hpp"
#include "shield/settings.hpp"
#include "shield/spent_tickets.hpp"
#include "web/site.hpp"

namespace rempart::web {

// The cookie a visitor who passed the gate sends back.
inline constexpr std::string_view clearance_cookie = "rempart_clearance";

// The gate's page, rendered once per language; a request only fills in where the visitor
// was going and a fresh wait ticket, so turning a flood away costs a few microseconds each.
class GatePage {
  public:
    GatePage(const Site& site, const shield::Clearance& clearance);

    // What the page says above its form: nothing (a visitor just arrived), that a proof of
    // work was refused (then the status is 403), or to wait a little longer.
    enum class Notice { none, failed, wait_more };

    // 503 with Retry-After, `X-Rempart-Gate: challenge` and the page. `ticket` keeps a wait
    // already begun.
    http::Response response(const http::Request& request, std::string_view next,
                            std::optional<std::string_view> ticket = std::nullopt,
                            Notice notice = Notice::none) const;

  private:
    // The page split at its two marks: before the wait address, before `next`, the rest.
    struct Parts {
        std::string head, middle, tail;
    };
    // Every language and notice, for the site's settings of one moment.
    struct Rendered {
        std::shared_ptr<const EditableSettings> settings;
        std::array<std::array<Parts, 3>, std::size(render::all_languages)> parts;
    };
    std::shared_ptr<const Rendered> render_all() const;
    // The pages for the site's settings now: rendered again once after an admin changes them.
    std::shared_ptr<const Rendered> current() const;

    const Site& site_;
    const shield::Clearance& clearance_;
    mutable std::atomic<std::shared_ptr<const Rendered>> rendered_;
};

struct GateServices {
    const Site& site;
    const GatePage& page;
    shield::ProofOfWork& pow;
    shield::FrontDoor& front_door;
    const shield::GateSettings& config;
    shield::SpentTickets& spent_tickets;
};

void add_gate_routes(http::Router& router, GateServices& services);

}  // namespace rempart::web
