/**
 * What generated bindings call: argument checks with messages that name command, parameter,
 * value and allowed range; field splitting and parsing of responses and URCs; wire codes that
 * keep unknown values. Generic: nothing here knows a command.
 */
package io.atspec.runtime.bind;
