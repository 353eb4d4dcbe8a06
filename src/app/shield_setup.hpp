// Builds the front door from the config and wires it in: the gate's page, its clock and its
// metrics; the guard the dispatcher asks before each handler is web/shield_guard.
#pragma once

#include <boost/asio/awaitable.hpp>

#include <memory>

#include "app/settings.hpp"
#include "metrics/metrics.hpp"
#include "net/loop_lag.hpp"
#include "shield/asn_table.hpp"
#include "shield/clearance.hpp"
#include "shield/front_door.hpp"
#include "shield/spent_tickets.hpp"
#include "store/readers.hpp"
#include "web/gate.hpp"
#include "web/site.hpp"

namespace rempart::app {

struct ShieldSetup {
    std::unique_ptr<net::LoopLag> loop_lag;
    std::unique_ptr<shield::Clearance> clearance;
    std::unique_ptr<shield::FrontDoor> front_door;
    std::unique_ptr<web::GatePage> gate_page;
    std::unique_ptr<shield::SpentTickets> spent_tickets;
};

// The front door's settings: its own sections, and the eyeball networks the traffic limits
// leave alone, the detector's (pure: tested without a server).
shield::FrontDoorSettings front_door_settings(const Config& config);

// `secret` is the server's; the clearance mixes its own purpose in. `readers` is the queue
// the shedder watches; the loop-lag probes are started by the caller on each io_context.
ShieldSetup set_up_shield(const Config& config, const std::string& secret,
                          const shield::AsnTable* asns, const store::Readers& readers,
                          const web::Site& site);

void add_shield_metrics(metrics::Registry& metrics, const shield::FrontDoor& front_door);

// Ticks the front door once a second, logs the gate going on or off and what the shield
// refused in that second (one line a second, however large the flood).
boost::asio::awaitable<void> run_shield_clock(shield::FrontDoor& front_door);

}  // namespace rempart::app
