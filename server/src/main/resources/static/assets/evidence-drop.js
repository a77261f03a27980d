// Vendor console, evidence upload (ADR 0085): drag and drop onto a requirement's upload area, and the size
// cap checked before anything is sent. Only an enhancement: without this file the file input and the
// upload button work as they are, and the server checks the cap in any case.
(function () {
  'use strict';
  function check(zone, input) {
    var message = zone.querySelector('.drop-message');
    var max = Number(zone.getAttribute('data-max-bytes'));
    var file = input.files && input.files[0];
    var tooLarge = file && max > 0 && file.size > max;
    input.setCustomValidity(tooLarge ? zone.getAttribute('data-too-large') : '');
    if (message) {
      message.textContent = tooLarge ? zone.getAttribute('data-too-large') : (file ? file.name : '');
      message.classList.toggle('error', !!tooLarge);
    }
  }
  function setUp(zone) {
    var input = zone.querySelector('input[type=file]');
    if (!input || zone.getAttribute('data-ready')) {
      return;
    }
    zone.setAttribute('data-ready', 'true');
    input.addEventListener('change', function () { check(zone, input); });
    zone.addEventListener('dragover', function (e) {
      e.preventDefault();
      zone.classList.add('dragging');
    });
    zone.addEventListener('dragleave', function () { zone.classList.remove('dragging'); });
    zone.addEventListener('drop', function (e) {
      e.preventDefault();
      zone.classList.remove('dragging');
      if (e.dataTransfer && e.dataTransfer.files.length > 0) {
        input.files = e.dataTransfer.files;
        check(zone, input);
      }
    });
    var form = zone.closest('form');
    if (form) {
      form.addEventListener('submit', function (e) {
        check(zone, input);
        if (!input.checkValidity()) {
          e.preventDefault();
          input.reportValidity();
        }
      });
    }
  }
  function all() {
    document.querySelectorAll('.dropzone').forEach(setUp);
  }
  document.addEventListener('DOMContentLoaded', all);
  // A requirement's section replaced by htmx brings a new upload area.
  document.addEventListener('htmx:afterSettle', all);
}());
