package vn.camguard.organization.web;

import java.util.Optional;
import java.util.function.Supplier;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import vn.camguard.organization.AccessControl;
import vn.camguard.organization.DashboardFigure;
import vn.camguard.organization.Permission;
import vn.camguard.organization.unit.UnitStore;
import vn.camguard.organization.user.UserStore;

/** Home page figures of this module: units and users in the caller's scope. */
@Configuration
class OrganizationFigures {

	@Bean
	DashboardFigure unitsInScope(AccessControl access, UnitStore units) {
		return figure(10, () -> {
			var scope = access.scope(Permission.UNITS_READ);
			return scope.isEmpty() ? Optional.empty()
					: Optional.of(new DashboardFigure.Figure("home.figure.units",
							units.under(scope.rootUnitIds()).size(), "/units"));
		});
	}

	@Bean
	DashboardFigure usersInScope(AccessControl access, UserStore users) {
		return figure(20, () -> {
			var scope = access.scope(Permission.USERS_MANAGE);
			return scope.isEmpty() ? Optional.empty()
					: Optional.of(new DashboardFigure.Figure("home.figure.users",
							users.countHomedUnder(scope.rootUnitIds()), "/users"));
		});
	}

	private static DashboardFigure figure(int order, Supplier<Optional<DashboardFigure.Figure>> value) {
		return new DashboardFigure() {
			@Override
			public int order() {
				return order;
			}

			@Override
			public Optional<Figure> figure() {
				return value.get();
			}
		};
	}

}
