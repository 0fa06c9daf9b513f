// CamGuard's only script besides htmx. The Content-Security-Policy allows no inline script or
// event handler, so behaviour that templates used to write inline lives here.
(function () {
  'use strict';

  // Forms with data-confirm ask before they are sent (e.g. resetting a password, revoking a role).
  document.addEventListener('submit', function (event) {
    var form = event.target;
    if (form instanceof HTMLFormElement && form.dataset.confirm && !window.confirm(form.dataset.confirm)) {
      event.preventDefault();
    }
  });

  // A form posted after the session expired comes back with what was typed (never passwords or
  // files): the server puts it on <body data-interrupted-form>, we fill the form posted to the same
  // action. The user checks and submits it again.
  function restoreInterruptedForm() {
    var data = document.body.dataset.interruptedForm;
    if (!data) {
      return;
    }
    var interrupted;
    try {
      interrupted = JSON.parse(data);
    } catch (ignored) {
      return;
    }
    var forms = Array.prototype.filter.call(document.querySelectorAll('form'), function (form) {
      return (form.getAttribute('method') || '').toLowerCase() === 'post'
        && new URL(form.action, document.baseURI).pathname === interrupted.action;
    });
    if (forms.length === 0) {
      return;
    }
    var form = forms[0];
    Object.keys(interrupted.fields).forEach(function (name) {
      var values = interrupted.fields[name];
      Array.prototype.forEach.call(form.elements, function (element) {
        if (element.name !== name || element.type === 'password' || element.type === 'file'
            || element.type === 'hidden' || element.type === 'submit' || element.type === 'button') {
          return;
        }
        if (element.type === 'checkbox' || element.type === 'radio') {
          element.checked = values.indexOf(element.value) >= 0;
        } else if (element.tagName === 'SELECT') {
          Array.prototype.forEach.call(element.options, function (option) {
            option.selected = values.indexOf(option.value) >= 0;
          });
        } else {
          element.value = values[0];
        }
      });
    });
    form.dataset.restored = 'true';
  }

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', restoreInterruptedForm);
  } else {
    restoreInterruptedForm();
  }
})();
