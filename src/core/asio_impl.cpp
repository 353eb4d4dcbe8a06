// Asio and Beast compiled once for the whole program (separate compilation keeps builds quick).
#include <boost/asio/impl/src.hpp>
#include <boost/asio/ssl/impl/src.hpp>
#include <boost/beast/src.hpp>
