/**
 * Schedule: the platform's one way to run work later or repeatedly, on db-scheduler
 * ({@code com.github.kagkarlsson:db-scheduler}, core library, wired here as a Spring bean). Other
 * features declare a {@link vn.camguard.schedule.RecurringWork} or {@link vn.camguard.schedule.OneTimeWork} bean, and
 * plan one-time instances through {@link vn.camguard.schedule.WorkPlanner}.
 * <p>
 * Why db-scheduler: several CamGuard instances share one PostgreSQL database, and a job must run
 * once across all of them, not once per instance. db-scheduler keeps every scheduled execution as a
 * row of one table ({@code scheduled_tasks}, created by Flyway) and claims it with an optimistic
 * update, so exactly one instance runs it; a running execution sends heartbeats, and when its
 * instance dies another one takes the execution over. It needs no broker or extra service, runs
 * on H2 as well, and also does one-time tasks with data (the later scan jobs split into parts) and
 * cron schedules. Its Spring Boot starter is not used: the core {@code Scheduler} is started here
 * after Flyway has migrated the database and stopped with the application context.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {})
package vn.camguard.schedule;
