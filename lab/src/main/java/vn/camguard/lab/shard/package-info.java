/** Running fleets bigger than one process's descriptor budget as child JVMs, one slice each. */
package vn.camguard.lab.shard;
