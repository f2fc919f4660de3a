// One worker of the c-floor server: an edge-triggered epoll loop that accepts from the shared
// listening socket and serves the connections it accepted.
#pragma once

// Never returns; a fatal epoll error ends the process with a message on stderr.
void run_event_loop(int listen_fd);
