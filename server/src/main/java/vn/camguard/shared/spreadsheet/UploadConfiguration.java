package vn.camguard.shared.spreadsheet;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

/** Makes the upload limits of {@code camguard.upload.*} a bean the importing modules are given. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(UploadLimits.class)
class UploadConfiguration {

}
