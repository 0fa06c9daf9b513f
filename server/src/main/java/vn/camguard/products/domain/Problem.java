package vn.camguard.products.domain;

/** A broken rule of a form: the field and the message key explaining it. */
public record Problem(String field, String messageKey) {
}
