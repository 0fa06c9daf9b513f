/** The {@code lab} command (mounted by the scanner's CLI as {@code camguard lab}). */
package vn.camguard.lab.cli;
