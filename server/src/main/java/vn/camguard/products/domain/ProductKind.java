package vn.camguard.products.domain;

/** What a registered product is. */
public enum ProductKind {
	CAMERA, RECORDER
}
