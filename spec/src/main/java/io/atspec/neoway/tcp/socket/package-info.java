/**
 * TCP and UDP sockets over a Neoway module, on the generated bindings of chapter tcp:
 * {@link io.atspec.neoway.tcp.socket.NeowaySockets} per channel,
 * {@link io.atspec.neoway.tcp.socket.NeowaySocket} for TCP streams,
 * {@link io.atspec.neoway.tcp.socket.NeowayDatagramSocket} for UDP datagrams. Failures are
 * {@code java.net} exceptions.
 */
package io.atspec.neoway.tcp.socket;
