/*
 * Siaga Pilkada: the welcome page in Bahasa Indonesia, for every officer whatever their browser's
 * language. This file replaces the stock app/welcome/scripts/config.js of camunda-webapp-webjar (it
 * is found first on the classpath); everything below the locales, the app name and the links is the
 * stock configuration (7.24.0). Labels: ../locales/id.json (its heading, APPLICATIONS, reads
 * "Selamat datang di Siaga Pilkada"); the Camunda 8 banner is hidden by ../styles/user-styles.css.
 * See docs/architecture.md, "Every webapp in Bahasa Indonesia".
 *
 * Stock file: Copyright Camunda Services GmbH and/or licensed to Camunda Services GmbH under one or
 * more contributor license agreements, Apache License, Version 2.0
 * (http://www.apache.org/licenses/LICENSE-2.0).
 */

export default {
  // Indonesian only, as in Tasklist: "id" is also the fallback, so a browser set to English (or
  // anything else) gets Indonesian too.
  locales: {
    availableLocales: ['id'],
    fallbackLocale: 'id'
  },

  // The login page under the logo shows the name: "Siaga Pilkada" (the first page an officer meets:
  // the root redirects here). The header and the browser tab read "<vendor> <name>", so the
  // "vendor" is the word that comes first in Indonesian: "Beranda Siaga Pilkada".
  app: {
    name: 'Siaga Pilkada',
    vendor: 'Beranda'
  },

  // The section under the applications (its heading, LINKS, reads "Panduan singkat"): one line per
  // application, in place of the stock link to Camunda's English documentation. Links are relative
  // to the page (/camunda/app/welcome/default/) and shown to every user; Cockpit and Admin still
  // open only for those allowed in.
  links: [
    {
      label: 'Tasklist',
      href: '../../tasklist/default/',
      description: 'Tugas instansi Anda: ambil, isi formulirnya, lalu selesaikan.'
    },
    {
      label: 'Papan kesiapan',
      href: '/papan',
      description: 'Keadaan setiap wilayah pada setiap tahapan, untuk koordinator dan instansi.'
    },
    {
      label: 'Cockpit',
      href: '../../cockpit/default/',
      description: 'Memantau proses yang berjalan, untuk koordinator.'
    },
    {
      label: 'Admin',
      href: '../../admin/default/',
      description: 'Pengguna dan kelompok (instansi), untuk administrator.'
    }
  ],

  // customScripts: [
  //   // If you have a folder called 'my-custom-script' (in the 'welcome' folder)
  //   // with a file called 'customScript.js' in it
  //   // 'my-custom-script/customScript'
  // ],
  // requireJsConfig: {
  //   // AngularJS module names
  //   ngDeps: ['ui.bootstrap'],
  //   // RequireJS configuration for a complete configuration documentation see:
  //   // http://requirejs.org/docs/api.html#config
  //   deps: ['jquery', 'custom-ui'],
  //   paths: {
  //     // if you have a folder called `custom-ui` (in the `scripts` folder)
  //     // with a file called `scripts.js` in it and defining the `custom-ui` AMD module
  //     'custom-ui': 'custom-ui/scripts'
  //   }
  // },
  // configure the date format
  // "dateFormat": {
  //   "normal": "LLL",
  //   "long":   "LLLL"
  // },
  //
  // csrfCookieName: 'XSRF-TOKEN',
  // disableWelcomeMessage: false
};
